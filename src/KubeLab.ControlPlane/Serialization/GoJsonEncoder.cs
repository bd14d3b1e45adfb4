using System.Text;
using System.Text.Encodings.Web;

namespace KubeLab.ControlPlane.Serialization;

/// <summary>
/// Escapes exactly what Go's encoding/json escapes (with HTML escaping on, as the API server uses):
/// control characters, quote, backslash, &lt; &gt; &amp;, U+2028 and U+2029. Everything else,
/// non-ASCII included, is written as UTF-8, so our bytes match the real server's.
/// </summary>
internal sealed class GoJsonEncoder : JavaScriptEncoder
{
    public static readonly GoJsonEncoder Instance = new();

    public override int MaxOutputCharactersPerInputCharacter => 12;

    public override bool WillEncode(int unicodeScalar) =>
        unicodeScalar < 0x20 || unicodeScalar is '"' or '\\' or '<' or '>' or '&' or 0x2028 or 0x2029;

    public override unsafe int FindFirstCharacterToEncode(char* text, int textLength)
    {
        for (var i = 0; i < textLength; i++)
        {
            var c = text[i];
            if (char.IsSurrogate(c)) continue;
            if (WillEncode(c)) return i;
        }
        return -1;
    }

    public override unsafe bool TryEncodeUnicodeScalar(int unicodeScalar, char* buffer, int bufferLength, out int numberOfCharactersWritten)
    {
        string encoded = unicodeScalar switch
        {
            '"' => "\\\"",
            '\\' => "\\\\",
            '\n' => "\\n",
            '\r' => "\\r",
            '\t' => "\\t",
            '\b' => "\\b",
            '\f' => "\\f",
            _ when WillEncode(unicodeScalar) => $"\\u{unicodeScalar:x4}",
            _ => new Rune(unicodeScalar).ToString(),
        };
        if (encoded.Length > bufferLength)
        {
            numberOfCharactersWritten = 0;
            return false;
        }
        for (var i = 0; i < encoded.Length; i++) buffer[i] = encoded[i];
        numberOfCharactersWritten = encoded.Length;
        return true;
    }
}
