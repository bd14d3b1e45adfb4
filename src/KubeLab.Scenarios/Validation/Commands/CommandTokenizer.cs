using System.Text;

namespace KubeLab.Scenarios.Validation.Commands;

/// <summary>
/// Splits a command line into words as a POSIX shell would (quotes, backslashes, line
/// continuations), remembering where each word starts. Shell features a lesson does not have
/// (pipes, redirections, command substitution, shell variables) are errors: a step is one command,
/// and values flow between steps through captures written <c>${name}</c>.
/// </summary>
internal static class CommandTokenizer
{
    public static List<CommandWord> Split(string line, out (int Offset, string Message)? error)
    {
        var words = new List<CommandWord>();
        var word = new StringBuilder();
        var start = -1;
        error = null;
        for (var i = 0; i < line.Length && error is null; i++)
        {
            var c = line[i];
            if (char.IsWhiteSpace(c))
            {
                if (start >= 0) words.Add(new(word.ToString(), start));
                word.Clear();
                start = -1;
                continue;
            }
            if (start < 0) start = i;
            switch (c)
            {
                case '\'':
                    var close = line.IndexOf('\'', i + 1);
                    if (close < 0) error = (i, "the quote (') is not closed");
                    else { word.Append(line, i + 1, close - i - 1); i = close; }
                    break;
                case '"':
                    i = DoubleQuoted(line, i, word, ref error);
                    break;
                case '\\' when i + 1 >= line.Length:
                    error = (i, "the line ends with a lone '\\'");
                    break;
                case '\\':
                    if (line[++i] != '\n') word.Append(line[i]);
                    else if (word.Length == 0) start = -1; // a line continuation between words
                    break;
                case '|' or '>' or '<' or ';' or '&' or '`':
                    error = (i, $"shell operator '{c}' is not supported: a step runs one command (quote it if it is part of a word)");
                    break;
                default:
                    error = Dollar(line, i);
                    word.Append(c);
                    break;
            }
        }
        if (start >= 0 && error is null) words.Add(new(word.ToString(), start));
        return words;
    }

    private static int DoubleQuoted(string line, int open, StringBuilder word, ref (int, string)? error)
    {
        for (var i = open + 1; i < line.Length; i++)
        {
            if (line[i] == '"') return i;
            if (line[i] == '\\' && i + 1 < line.Length && line[i + 1] is '"' or '\\' or '$' or '`') word.Append(line[++i]);
            else if (Dollar(line, i) is { } problem)
            {
                error = problem;
                return line.Length;
            }
            else word.Append(line[i]);
        }
        error = (open, "the quote (\") is not closed");
        return line.Length;
    }

    /// <summary>What is wrong with a '$' at this offset: only <c>${name}</c> lesson variables are expanded.</summary>
    private static (int, string)? Dollar(string line, int i)
    {
        if (line[i] != '$' || i + 1 >= line.Length) return null;
        if (line[i + 1] == '(') return (i, "command substitution '$(...)' is not supported: capture the output in an earlier step and write ${name}");
        if (!char.IsAsciiLetter(line[i + 1]) && line[i + 1] != '_') return null;
        var end = i + 1;
        while (end < line.Length && (char.IsAsciiLetterOrDigit(line[end]) || line[end] == '_')) end++;
        return (i, $"'{line[i..end]}' is a shell variable, which lessons do not have: use a capture or built-in as ${{name}} (e.g. ${{server}})");
    }
}

/// <summary>A word of a command line, unquoted, and the offset of its first character in the line.</summary>
internal readonly record struct CommandWord(string Text, int Offset)
{
    public bool IsOption => Text.StartsWith('-') && Text.Length > 1;
}
