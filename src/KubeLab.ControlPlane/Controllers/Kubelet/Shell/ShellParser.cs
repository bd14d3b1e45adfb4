namespace KubeLab.ControlPlane.Controllers.Kubelet.Shell;

internal abstract record ShellNode;
internal sealed record SequenceNode(List<ShellNode> Items) : ShellNode;
/// <summary>Pipelines joined by <c>&amp;&amp;</c>/<c>||</c>; <see cref="Operators"/>[i] joins item i and i+1.</summary>
internal sealed record AndOrNode(List<ShellNode> Items, List<string> Operators) : ShellNode;
/// <summary>A pipeline; only its first command's output is simulated.</summary>
internal sealed record PipelineNode(List<ShellNode> Commands) : ShellNode;
internal sealed record SimpleNode(List<string> Words) : ShellNode;
internal sealed record WhileNode(ShellNode Condition, ShellNode Body, bool Until) : ShellNode;
internal sealed record ForNode(string Variable, List<string> Words, ShellNode Body) : ShellNode;
internal sealed record IfNode(List<(ShellNode Condition, ShellNode Body)> Branches, ShellNode? Else) : ShellNode;

/// <summary>
/// Parses the small part of POSIX sh that container commands use (<c>sh -c 'while true; do echo hi; sleep 5; done'</c>):
/// lists, <c>&amp;&amp;</c>/<c>||</c>, pipelines, while/until/for/if, quotes and substitutions. Words keep their
/// quotes; they are expanded when run.
/// </summary>
internal sealed class ShellParser
{
    private static readonly HashSet<string> Reserved = ["do", "done", "then", "else", "elif", "fi", "in"];
    private readonly List<string> _tokens;
    private int _next;

    private ShellParser(List<string> tokens) => _tokens = tokens;

    public static ShellNode Parse(string script) => new ShellParser(ShellTokenizer.Tokenize(script)).ParseSequence(_ => false);

    private string? Peek => _next < _tokens.Count ? _tokens[_next] : null;

    private ShellNode ParseSequence(Func<string, bool> stop)
    {
        var items = new List<ShellNode>();
        while (Peek is { } token && !stop(token))
        {
            if (token is ";" or "\n" or "&") { _next++; continue; }
            items.Add(ParseAndOr());
        }
        return new SequenceNode(items);
    }

    private ShellNode ParseAndOr()
    {
        var items = new List<ShellNode> { ParsePipeline() };
        var operators = new List<string>();
        while (Peek is "&&" or "||")
        {
            operators.Add(_tokens[_next++]);
            while (Peek == "\n") _next++;
            items.Add(ParsePipeline());
        }
        return new AndOrNode(items, operators);
    }

    private ShellNode ParsePipeline()
    {
        var commands = new List<ShellNode> { ParseCommand() };
        while (Peek == "|")
        {
            _next++;
            commands.Add(ParseCommand());
        }
        return new PipelineNode(commands);
    }

    private ShellNode ParseCommand()
    {
        switch (Peek)
        {
            case "while" or "until":
                var until = _tokens[_next++] == "until";
                var condition = ParseSequence(t => t == "do");
                Expect("do");
                var body = ParseSequence(t => t == "done");
                Expect("done");
                return new WhileNode(condition, body, until);
            case "for":
                _next++;
                var variable = _tokens[_next++];
                var words = new List<string>();
                if (Peek == "in")
                {
                    _next++;
                    while (Peek is { } w && w is not (";" or "\n")) { words.Add(w); _next++; }
                }
                while (Peek is ";" or "\n") _next++;
                Expect("do");
                var loop = ParseSequence(t => t == "done");
                Expect("done");
                return new ForNode(variable, words, loop);
            case "if":
                _next++;
                var branches = new List<(ShellNode, ShellNode)>();
                ShellNode? otherwise = null;
                while (true)
                {
                    var test = ParseSequence(t => t == "then");
                    Expect("then");
                    branches.Add((test, ParseSequence(t => t is "elif" or "else" or "fi")));
                    var keyword = _tokens[_next++];
                    if (keyword == "elif") continue;
                    if (keyword == "else") { otherwise = ParseSequence(t => t == "fi"); Expect("fi"); }
                    break;
                }
                return new IfNode(branches, otherwise);
        }
        var simple = new List<string>();
        while (Peek is { } word && !IsOperator(word) && !(simple.Count == 0 && Reserved.Contains(word)))
        {
            simple.Add(word);
            _next++;
        }
        if (simple.Count == 0 && Peek is not null && !IsOperator(Peek)) _next++; // a stray keyword: skip it
        return new SimpleNode(simple);
    }

    private void Expect(string keyword)
    {
        while (Peek is ";" or "\n") _next++;
        if (Peek == keyword) _next++;
    }

    private static bool IsOperator(string token) => token is ";" or "\n" or "&" or "&&" or "||" or "|";
}
