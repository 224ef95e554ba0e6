using System.Text;

namespace Analysis.Memo;

/// <summary>A GitHub-flavoured markdown table.</summary>
public sealed class MarkdownTable(params string[] headers)
{
    private readonly List<string[]> rows = [];

    public int RowCount => rows.Count;

    public MarkdownTable Add(params string[] cells)
    {
        if (cells.Length != headers.Length) throw new ArgumentException($"expected {headers.Length} cells, got {cells.Length}");
        rows.Add(cells);
        return this;
    }

    public override string ToString()
    {
        var sb = new StringBuilder();
        sb.AppendLine(Line(headers));
        sb.AppendLine(Line(headers.Select(_ => "---")));
        foreach (var row in rows) sb.AppendLine(Line(row));
        return sb.ToString();
    }

    private static string Line(IEnumerable<string> cells) =>
        "| " + string.Join(" | ", cells.Select(c => c.Replace("|", "\\|").Replace("\n", " "))) + " |";
}
