namespace Analysis.Tests;

/// <summary>Assertions on a written report's text.</summary>
public static class TextAssert
{
    /// <summary>Every part is in the text; the failure names all the parts that are missing, not only the first.</summary>
    public static void ContainsAll(string text, params string[] parts)
    {
        var missing = parts.Where(p => !text.Contains(p, StringComparison.Ordinal)).ToList();
        Assert.True(missing.Count == 0, $"missing: {string.Join(" | ", missing)}");
    }
}
