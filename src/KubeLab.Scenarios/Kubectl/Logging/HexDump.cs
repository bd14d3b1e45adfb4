using System.Text;

namespace KubeLab.Scenarios.Kubectl.Logging;

/// <summary>Go's <c>encoding/hex.Dump</c>, as client-go logs binary (protobuf) bodies.</summary>
internal static class HexDump
{
    public static string Format(byte[] data)
    {
        var text = new StringBuilder();
        for (var offset = 0; offset < data.Length; offset += 16)
        {
            text.Append(offset.ToString("x8", System.Globalization.CultureInfo.InvariantCulture)).Append("  ");
            var line = data.AsSpan(offset, Math.Min(16, data.Length - offset));
            for (var i = 0; i < 16; i++)
            {
                text.Append(i < line.Length ? line[i].ToString("x2", System.Globalization.CultureInfo.InvariantCulture) + " " : "   ");
                if (i == 7) text.Append(' ');
            }
            text.Append(" |");
            foreach (var b in line) text.Append(b is >= 32 and <= 126 ? (char)b : '.');
            text.Append("|\n");
        }
        return text.ToString();
    }
}
