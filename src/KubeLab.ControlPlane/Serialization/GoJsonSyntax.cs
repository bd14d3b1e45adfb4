namespace KubeLab.ControlPlane.Serialization;

/// <summary>
/// Checks JSON text the way Go's encoding/json scanner does before it decodes anything, and words
/// the first error exactly as Go does (<c>invalid character 'x' looking for beginning of value</c>,
/// <c>unexpected end of JSON input</c>). The Kubernetes decoders (sigs.k8s.io/json) use that scanner,
/// so these texts reach clients inside Status messages.
/// </summary>
public static class GoJsonSyntax
{
    /// <summary>Go's limit on nested objects and arrays.</summary>
    public const int MaxNesting = 10000;

    /// <summary>
    /// The Go error text for the first syntax error, or null when the text is valid JSON. A smaller
    /// <paramref name="maxNesting"/> refuses deep documents early, worded as Go words its own limit.
    /// </summary>
    public static string? Check(ReadOnlySpan<byte> data, int maxNesting = MaxNesting)
    {
        var scanner = new Scanner(maxNesting);
        foreach (var c in data)
            if (scanner.Step(c) is { } error) return error;
        return scanner.End();
    }

    private enum State { BeginValue, BeginValueOrEmpty, BeginStringOrEmpty, BeginString, EndValue, EndTop, InString, InStringEsc, InStringEscU, Neg, One, Zero, Dot, Dot0, E, ESign, E0, Literal }

    private enum Parse { ObjectKey, ObjectValue, ArrayValue }

    private sealed class Scanner(int maxNesting)
    {
        private readonly Stack<Parse> stack = new();
        private State state = State.BeginValue;
        private int hexDigits;
        private string literal = "";
        private int literalAt;

        public string? End()
        {
            if (state == State.EndTop) return null;
            if (Step((byte)' ') is { } error) return error;
            return state == State.EndTop ? null : "unexpected end of JSON input";
        }

        public string? Step(byte c)
        {
            switch (state)
            {
                case State.BeginValueOrEmpty:
                    if (IsSpace(c)) return null;
                    if (c == ']') return EndValue(c);
                    return BeginValue(c);
                case State.BeginValue:
                    return BeginValue(c);
                case State.BeginStringOrEmpty:
                    if (IsSpace(c)) return null;
                    if (c == '}') { stack.Pop(); stack.Push(Parse.ObjectValue); return EndValue(c); }
                    return BeginString(c);
                case State.BeginString:
                    return BeginString(c);
                case State.EndValue:
                    return EndValue(c);
                case State.EndTop:
                    return IsSpace(c) ? null : Error(c, "after top-level value");
                case State.InString:
                    if (c == '"') { state = State.EndValue; return null; }
                    if (c == '\\') { state = State.InStringEsc; return null; }
                    return c < 0x20 ? Error(c, "in string literal") : null;
                case State.InStringEsc:
                    if (c is (byte)'b' or (byte)'f' or (byte)'n' or (byte)'r' or (byte)'t' or (byte)'\\' or (byte)'/' or (byte)'"') { state = State.InString; return null; }
                    if (c == 'u') { state = State.InStringEscU; hexDigits = 0; return null; }
                    return Error(c, "in string escape code");
                case State.InStringEscU:
                    if (!Uri.IsHexDigit((char)c)) return Error(c, "in \\u hexadecimal character escape");
                    if (++hexDigits == 4) state = State.InString;
                    return null;
                case State.Neg:
                    if (c == '0') { state = State.Zero; return null; }
                    if (c is >= (byte)'1' and <= (byte)'9') { state = State.One; return null; }
                    return Error(c, "in numeric literal");
                case State.One:
                    if (IsDigit(c)) return null;
                    return Zero(c);
                case State.Zero:
                    return Zero(c);
                case State.Dot:
                    if (IsDigit(c)) { state = State.Dot0; return null; }
                    return Error(c, "after decimal point in numeric literal");
                case State.Dot0:
                    if (IsDigit(c)) return null;
                    if (c is (byte)'e' or (byte)'E') { state = State.E; return null; }
                    return EndValue(c);
                case State.E:
                    if (c is (byte)'+' or (byte)'-') { state = State.ESign; return null; }
                    return ESign(c);
                case State.ESign:
                    return ESign(c);
                case State.E0:
                    return IsDigit(c) ? null : EndValue(c);
                default:
                    var expected = literal[literalAt];
                    if (c != expected) return Error(c, $"in literal {literal} (expecting '{expected}')");
                    if (++literalAt == literal.Length) state = State.EndValue;
                    return null;
            }
        }

        private string? BeginValue(byte c)
        {
            if (IsSpace(c)) return null;
            switch (c)
            {
                case (byte)'{': return Push(c, Parse.ObjectKey, State.BeginStringOrEmpty);
                case (byte)'[': return Push(c, Parse.ArrayValue, State.BeginValueOrEmpty);
                case (byte)'"': state = State.InString; return null;
                case (byte)'-': state = State.Neg; return null;
                case (byte)'0': state = State.Zero; return null;
                case (byte)'t': return Literal("true");
                case (byte)'f': return Literal("false");
                case (byte)'n': return Literal("null");
            }
            if (c is >= (byte)'1' and <= (byte)'9') { state = State.One; return null; }
            return Error(c, "looking for beginning of value");
        }

        private string? BeginString(byte c)
        {
            if (IsSpace(c)) return null;
            if (c == '"') { state = State.InString; return null; }
            return Error(c, "looking for beginning of object key string");
        }

        private string? EndValue(byte c)
        {
            if (stack.Count == 0) { state = State.EndTop; return IsSpace(c) ? null : Error(c, "after top-level value"); }
            state = State.EndValue;
            if (IsSpace(c)) return null;
            switch (stack.Peek())
            {
                case Parse.ObjectKey:
                    if (c != ':') return Error(c, "after object key");
                    stack.Pop(); stack.Push(Parse.ObjectValue); state = State.BeginValue; return null;
                case Parse.ObjectValue:
                    if (c == ',') { stack.Pop(); stack.Push(Parse.ObjectKey); state = State.BeginString; return null; }
                    if (c != '}') return Error(c, "after object key:value pair");
                    stack.Pop(); state = stack.Count == 0 ? State.EndTop : State.EndValue; return null;
                default:
                    if (c == ',') { state = State.BeginValue; return null; }
                    if (c != ']') return Error(c, "after array element");
                    stack.Pop(); state = stack.Count == 0 ? State.EndTop : State.EndValue; return null;
            }
        }

        private string? Zero(byte c)
        {
            if (c == '.') { state = State.Dot; return null; }
            if (c is (byte)'e' or (byte)'E') { state = State.E; return null; }
            return EndValue(c);
        }

        private string? ESign(byte c)
        {
            if (IsDigit(c)) { state = State.E0; return null; }
            return Error(c, "in exponent of numeric literal");
        }

        private string? Push(byte c, Parse parse, State next)
        {
            if (stack.Count >= maxNesting) return Error(c, "exceeded max depth");
            stack.Push(parse);
            state = next;
            return null;
        }

        private string? Literal(string word)
        {
            literal = word;
            literalAt = 1;
            state = State.Literal;
            return null;
        }

        private static string Error(byte c, string context) => $"invalid character {Quote(c)} {context}";
    }

    private static bool IsSpace(byte c) => c is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n';

    private static bool IsDigit(byte c) => c is >= (byte)'0' and <= (byte)'9';

    /// <summary>Go's quoteChar: the byte as a rune, quoted with single quotes and Go escapes.</summary>
    private static string Quote(byte c) => c switch
    {
        (byte)'\'' => @"'\''",
        (byte)'"' => "'\"'",
        (byte)'\a' => @"'\a'",
        (byte)'\b' => @"'\b'",
        (byte)'\f' => @"'\f'",
        (byte)'\n' => @"'\n'",
        (byte)'\r' => @"'\r'",
        (byte)'\t' => @"'\t'",
        (byte)'\v' => @"'\v'",
        (byte)'\\' => @"'\\'",
        < 0x20 or 0x7f => $"'\\x{c:x2}'",
        >= 0x80 and <= 0xa0 or 0xad => $"'\\u{c:x4}'",
        _ => $"'{(char)c}'",
    };
}
