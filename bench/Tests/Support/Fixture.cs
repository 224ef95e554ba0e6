namespace FsBench.Tests.Support;

/// <summary>A real tool output from bench/Tests/Fixtures (SOURCES.md there says where each one comes from).</summary>
public static class Fixture
{
    public static string Read(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));
}
