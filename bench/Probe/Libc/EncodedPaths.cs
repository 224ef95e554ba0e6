using System.Runtime.InteropServices;
using System.Text;

namespace FsBench.Probe.Libc;

/// <summary>
/// Paths encoded once, before the timed loop, as NUL-terminated UTF-8 in one block of native memory, so a timed
/// call passes a pointer: no encoding, no allocation and no pinning inside the loop. The text stays for reports.
/// </summary>
public sealed unsafe class EncodedPaths : IDisposable
{
    public static readonly EncodedPaths None = new([]);

    private readonly string[] _text;
    private readonly int[] _offsets;
    private byte* _block;

    public EncodedPaths(string[] paths)
    {
        _text = paths;
        _offsets = new int[paths.Length];
        int size = 0;
        for (int i = 0; i < paths.Length; i++)
        {
            _offsets[i] = size;
            size += Encoding.UTF8.GetByteCount(paths[i]) + 1;
        }
        _block = (byte*)NativeMemory.Alloc((nuint)Math.Max(size, 1));
        for (int i = 0; i < paths.Length; i++)
        {
            int n = Encoding.UTF8.GetBytes(paths[i], new Span<byte>(_block + _offsets[i], size - _offsets[i]));
            _block[_offsets[i] + n] = 0;
        }
    }

    public int Count => _text.Length;

    /// <summary>Path <paramref name="i"/> as a C string, valid until this object is disposed.</summary>
    public byte* this[int i] => _block + _offsets[i];

    public string Text(int i) => _text[i];
    public IReadOnlyList<string> Texts => _text;

    public void Dispose()
    {
        if (_block is null || ReferenceEquals(this, None)) return;
        NativeMemory.Free(_block);
        _block = null;
    }
}
