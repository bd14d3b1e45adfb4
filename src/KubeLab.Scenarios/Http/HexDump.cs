using System.Text;

namespace KubeLab.Scenarios.Http;

/// <summary>Bytes as <c>hexdump -C</c> shows them: offset, sixteen hex bytes in two groups, the printable ASCII.</summary>
public static class HexDump
{
    public static string Format(ReadOnlySpan<byte> bytes)
    {
        var text = new StringBuilder();
        for (var offset = 0; offset < bytes.Length; offset += 16)
        {
            var line = bytes.Slice(offset, Math.Min(16, bytes.Length - offset));
            text.Append(offset.ToString("x8")).Append("  ");
            for (var i = 0; i < 16; i++)
            {
                text.Append(i < line.Length ? line[i].ToString("x2") + " " : "   ");
                if (i == 7) text.Append(' ');
            }
            text.Append(" |");
            foreach (var b in line) text.Append(b is >= 0x20 and < 0x7f ? (char)b : '.');
            text.Append("|\n");
        }
        return text.ToString();
    }
}
