namespace Analysis.Tests;
public class SmokeTest { [Fact] public void Runs() => Assert.True(true); }
