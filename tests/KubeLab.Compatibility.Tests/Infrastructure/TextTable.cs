using System.Text;
using System.Text.RegularExpressions;

namespace KubeLab.Compatibility.Tests.Infrastructure;

/// <summary>
/// kubectl's human-readable tables, as Go's tabwriter lays them out: every column
/// but the last is padded to max(6, widest cell + 3); the last is not padded.
/// </summary>
public static partial class TextTable
{
    private const int MinWidth = 6;
    private const int Padding = 3;

    /// <summary>Stands for an AGE cell in expected rows: it depends on the clock.</summary>
    public const string Age = "<age>";

    /// <summary>Server-side HumanDuration for anything a test run can reach (under 10 minutes).</summary>
    [GeneratedRegex(@"^(\d+s|\d+m(\d+s)?)$")]
    private static partial Regex AgePattern();

    /// <summary>Lays out rows of cells exactly as kubectl prints them, one line each.</summary>
    public static string Render(IReadOnlyList<IReadOnlyList<string>> lines)
    {
        var columns = lines[0].Count;
        var widths = Enumerable.Range(0, columns)
            .Select(c => Math.Max(MinWidth, lines.Max(line => line[c].Length) + Padding))
            .ToArray();
        var text = new StringBuilder();
        foreach (var line in lines)
        {
            for (var c = 0; c < columns - 1; c++)
                text.Append(line[c].PadRight(widths[c]));
            text.Append(line[columns - 1]).Append('\n');
        }
        return text.ToString();
    }

    /// <summary>
    /// Splits <paramref name="text"/> into cells at the header's column positions
    /// and returns the rows below the header. Fails unless the text is exactly the
    /// tabwriter rendering of those cells, so the spacing is checked byte for byte.
    /// </summary>
    public static List<string[]> Parse(string text, params string[] headers)
    {
        Assert.That(text, Does.EndWith("\n"), "a table ends with a newline");
        var lines = text[..^1].Split('\n');
        var starts = new int[headers.Length];
        for (var c = 1; c < headers.Length; c++)
        {
            starts[c] = lines[0].IndexOf("   " + headers[c], starts[c - 1] + headers[c - 1].Length, StringComparison.Ordinal) + 3;
            Assert.That(starts[c], Is.GreaterThan(2), $"header {headers[c]} in: {lines[0]}");
        }
        var cells = lines.Select(line => Enumerable.Range(0, headers.Length).Select(c =>
        {
            var start = Math.Min(starts[c], line.Length);
            var end = c + 1 < headers.Length ? Math.Min(starts[c + 1], line.Length) : line.Length;
            return line[start..end].Trim();
        }).ToArray()).ToList();

        Assert.That(cells[0], Is.EqualTo(headers), "header cells");
        Assert.That(text, Is.EqualTo(Render(cells)), "tabwriter layout");
        return cells.Skip(1).ToList();
    }

    /// <summary>Asserts the rows equal <paramref name="expected"/>; an <see cref="Age"/> cell matches any age.</summary>
    public static void AssertRows(IReadOnlyList<string[]> rows, params string[][] expected)
    {
        var shown = string.Join("\n", rows.Select(row => string.Join(" | ", row)));
        Assert.That(rows, Has.Count.EqualTo(expected.Length), $"rows:\n{shown}");
        for (var r = 0; r < expected.Length; r++)
        {
            var actual = rows[r].Select((cell, c) => expected[r][c] == Age && AgePattern().IsMatch(cell) ? Age : cell);
            Assert.That(actual, Is.EqualTo(expected[r]), $"row {r + 1} of:\n{shown}");
        }
    }
}
