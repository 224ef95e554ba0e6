namespace FsBench.Tests.Support;

/// <summary>A test class whose every test gets its own scratch directory (<see cref="Tmp"/>), removed afterwards.</summary>
public abstract class TempDirTest : IDisposable
{
    protected TempDir Tmp { get; } = new();
    public void Dispose() => Tmp.Dispose();
}
