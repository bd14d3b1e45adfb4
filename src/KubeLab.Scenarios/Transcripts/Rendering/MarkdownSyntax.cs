using System.Text;
using Markdig;
using Markdig.Syntax;

namespace KubeLab.Scenarios.Transcripts.Rendering;

/// <summary>
/// CommonMark pieces that stay what they are whatever they hold: code fences and code spans longer than
/// any backtick run inside them, and plain text whose inline markup characters are escaped.
/// </summary>
public static class MarkdownSyntax
{
    /// <summary>A fenced code block: the fence is three backticks, or one more than the longest run in the text.</summary>
    public static string Fence(string text, string info = "")
    {
        var fence = new string('`', Math.Max(3, LongestBacktickRun(text) + 1));
        var body = text.Length == 0 || text.EndsWith('\n') ? text : text + "\n";
        return $"{fence}{info}\n{body}{fence}\n";
    }

    /// <summary>A code span: delimited by one more backtick than the longest run inside, padded where CommonMark strips a space.</summary>
    public static string Code(string text)
    {
        var delimiter = new string('`', LongestBacktickRun(text) + 1);
        var pad = text.StartsWith('`') || text.EndsWith('`') || (text.Length > 1 && text[0] == ' ' && text[^1] == ' ') ? " " : "";
        return $"{delimiter}{pad}{text.Replace('\n', ' ')}{pad}{delimiter}";
    }

    /// <summary>Text shown as written: every character that could open inline markup is backslash-escaped.</summary>
    public static string Text(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text.Replace('\n', ' '))
        {
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '&' or '|' or '~' or '!') escaped.Append('\\');
            escaped.Append(c);
        }
        return escaped.ToString();
    }

    /// <summary>
    /// An author's Markdown, ready to be followed by more of the document: ends in a newline, and a code
    /// fence left open at the top level (which would swallow everything after it) is closed. One open in a
    /// list or quote ends with it.
    /// </summary>
    public static string Block(string markdown)
    {
        var text = markdown.EndsWith('\n') ? markdown : markdown + "\n";
        if (Markdown.Parse(text).LastChild is FencedCodeBlock { ClosingFencedCharCount: 0 } open)
            text += new string(open.FencedChar, open.OpeningFencedCharCount) + "\n";
        return text;
    }

    private static int LongestBacktickRun(string text)
    {
        int longest = 0, run = 0;
        foreach (var c in text)
        {
            run = c == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }
        return longest;
    }
}
