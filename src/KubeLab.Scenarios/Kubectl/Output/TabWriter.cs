using System.Text;

namespace KubeLab.Scenarios.Kubectl.Output;

/// <summary>
/// The elastic tabstop writer kubectl lays tables out with (Go's text/tabwriter as forked by
/// liggitt/tabwriter, built by <c>printers.GetNewTabWriter</c>: min width 6, padding 3, pad with
/// spaces, remember widths). Text is buffered until <see cref="Flush"/> (or a line without a tab,
/// which flushes as Go's does); a column's width is the widest cell of a run of consecutive lines
/// that have the column, plus padding. Widths are counted in runes, not display cells, as Go does.
/// Other settings give Go's plain text/tabwriter, as <c>kubectl describe</c> builds it (min width 0, padding 2,
/// no remembered widths).
/// </summary>
public sealed class TabWriter(StringBuilder output, int minWidth = 6, int padding = 3, bool rememberWidths = true)
{
    private int MinWidth => minWidth;
    private int Padding => padding;

    private readonly StringBuilder text = new();
    private readonly List<List<Cell>> lines = [[]];
    private readonly List<int> widths = [];
    private List<int> rememberedWidths = [];
    private Cell cell;

    private record struct Cell(int Size, int Width);

    /// <summary>The widest each column has been since the last reset: watch output never shrinks a column.</summary>
    public IReadOnlyList<int> RememberedWidths => rememberedWidths;

    public void SetRememberedWidths(IEnumerable<int>? remembered) => rememberedWidths = [.. remembered ?? []];

    public void Write(string s)
    {
        var start = 0;
        for (var i = 0; i < s.Length; i++)
        {
            var ch = s[i];
            if (ch is not ('\t' or '\v' or '\n' or '\f')) continue;
            Append(s[start..i]);
            start = i + 1;
            var cells = TerminateCell();
            if (ch is '\n' or '\f')
            {
                lines.Add([]);
                // A line of one cell cannot belong to a column block, so Go flushes there.
                if (ch == '\f' || cells == 1) Flush();
            }
        }
        Append(s[start..]);
    }

    public void Flush()
    {
        if (cell.Size > 0) TerminateCell();
        Format(0, 0, lines.Count);
        text.Clear();
        lines.Clear();
        lines.Add([]);
        widths.Clear();
        cell = default;
    }

    private void Append(string s)
    {
        text.Append(s);
        cell = new Cell(cell.Size + s.Length, cell.Width + RuneCount(s));
    }

    private int TerminateCell()
    {
        var line = lines[^1];
        line.Add(cell);
        cell = default;
        return line.Count;
    }

    // Go's recursive block formatting: the cells of column `widths.Count` in lines [line0, line1).
    private int Format(int pos, int line0, int line1)
    {
        var column = widths.Count;
        for (var current = line0; current < line1; current++)
        {
            if (column >= lines[current].Count - 1) continue;

            // A block of consecutive lines with a cell in this column starts here.
            pos = WriteLines(pos, line0, current);
            line0 = current;
            var width = MinWidth;
            for (; current < line1; current++)
            {
                var line = lines[current];
                if (column >= line.Count - 1) break;
                width = Math.Max(width, line[column].Width + Padding);
            }
            width = Remember(width);
            widths.Add(width);
            pos = Format(pos, line0, current);
            widths.RemoveAt(widths.Count - 1);
            line0 = current;
        }
        return WriteLines(pos, line0, line1);
    }

    private int Remember(int width)
    {
        if (!rememberWidths) return width;
        var column = widths.Count;
        if (rememberedWidths.Count < column) rememberedWidths.AddRange(widths.Skip(rememberedWidths.Count));
        if (rememberedWidths.Count == column) rememberedWidths.Add(width);
        else if (rememberedWidths[column] > width) width = rememberedWidths[column];
        else rememberedWidths[column] = width;
        return width;
    }

    private int WriteLines(int pos, int line0, int line1)
    {
        for (var i = line0; i < line1; i++)
        {
            var line = lines[i];
            for (var j = 0; j < line.Count; j++)
            {
                var c = line[j];
                if (c.Size > 0)
                {
                    output.Append(text, pos, c.Size);
                    pos += c.Size;
                }
                if (j < widths.Count) output.Append(' ', widths[j] - c.Width);
            }
            // The last buffered line is the unterminated one: its text (if any) goes out without a newline.
            if (i + 1 == lines.Count)
            {
                output.Append(text, pos, cell.Size);
                pos += cell.Size;
            }
            else
            {
                output.Append('\n');
            }
        }
        return pos;
    }

    private static int RuneCount(string s)
    {
        var count = 0;
        foreach (var _ in s.EnumerateRunes()) count++;
        return count;
    }
}
