using System.Text.RegularExpressions;

namespace FsBench.Host.Providers.Machine;

/// <summary>
/// libkrun's version, which krunkit does not print: krunkit links `$(PREFIX)/lib/libkrun.1.dylib` (krunkit Makefile,
/// install_name_tool), and libkrun's `make install` puts `libkrun.$(FULL_VERSION).dylib` there with the
/// `libkrun.$(ABI_VERSION).dylib` symlink to it (libkrun Makefile). So: `otool -L krunkit` names the library, and
/// following its symlinks gives the file whose name holds the full version.
/// </summary>
public static partial class LibkrunVersion
{
    /// <summary>The libkrun path in `otool -L` output ("\t/opt/homebrew/lib/libkrun.1.dylib (compatibility version …)").</summary>
    public static string? LibraryPath(string otoolOutput) =>
        otoolOutput.Split('\n').Select(l => l.Trim()).Where(l => l.Contains("libkrun", StringComparison.Ordinal))
            .Select(l => l.Split(" (", 2)[0]).FirstOrDefault();

    /// <summary>"libkrun.1.17.4.dylib" → "1.17.4"; "libkrun.1.dylib" (not resolved) → null.</summary>
    public static string? FromFileName(string path) =>
        FullVersionRegex().Match(Path.GetFileName(path)) is { Success: true } m ? m.Groups[1].Value : null;

    public static async Task<string> OfAsync(string krunkitPath, CancellationToken ct)
    {
        try
        {
            var r = await Tool.RunAsync("otool", ["-L", krunkitPath], ct, TimeSpan.FromSeconds(20));
            if (!r.IsSuccess || LibraryPath(r.StandardOutput) is not { } lib) return "unknown (otool -L names no libkrun)";
            if (lib.StartsWith('@')) lib = Path.Combine(Path.GetDirectoryName(krunkitPath)!, "..", "lib", Path.GetFileName(lib));
            string resolved = File.Exists(lib) ? new FileInfo(lib).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? lib : lib;
            return FromFileName(resolved) ?? $"unknown ({resolved})";
        }
        catch (System.ComponentModel.Win32Exception) { return "unknown (no otool: xcode-select --install)"; }
    }

    [GeneratedRegex(@"^libkrun(?:-efi)?\.(\d+\.\d+\.\d+)\.dylib$")]
    private static partial Regex FullVersionRegex();
}
