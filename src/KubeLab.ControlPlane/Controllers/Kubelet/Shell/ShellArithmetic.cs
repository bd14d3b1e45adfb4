using System.Globalization;

namespace KubeLab.ControlPlane.Controllers.Kubelet.Shell;

/// <summary><c>$((...))</c>: integer arithmetic with + - * / % and parentheses over numbers and variables.</summary>
internal static class ShellArithmetic
{
    public static long Evaluate(string expression, ShellState state)
    {
        var position = 0;
        try
        {
            return Sum(expression, ref position, state);
        }
        catch (Exception e) when (e is DivideByZeroException or FormatException or OverflowException)
        {
            return 0;
        }
    }

    private static long Sum(string e, ref int p, ShellState s)
    {
        var value = Product(e, ref p, s);
        while (Skip(e, ref p) is '+' or '-')
        {
            var op = e[p++];
            var right = Product(e, ref p, s);
            value = op == '+' ? value + right : value - right;
        }
        return value;
    }

    private static long Product(string e, ref int p, ShellState s)
    {
        var value = Atom(e, ref p, s);
        while (Skip(e, ref p) is '*' or '/' or '%')
        {
            var op = e[p++];
            var right = Atom(e, ref p, s);
            value = op switch { '*' => value * right, '/' => value / right, _ => value % right };
        }
        return value;
    }

    private static long Atom(string e, ref int p, ShellState s)
    {
        var c = Skip(e, ref p);
        if (c == '(') { p++; var inner = Sum(e, ref p, s); Skip(e, ref p); p++; return inner; }
        if (c == '-') { p++; return -Atom(e, ref p, s); }
        if (c == '$') p++;
        var start = p;
        while (p < e.Length && (char.IsLetterOrDigit(e[p]) || e[p] == '_')) p++;
        var token = e[start..p];
        if (token.Length == 0) return 0;
        if (char.IsDigit(token[0])) return long.Parse(token, CultureInfo.InvariantCulture);
        return long.TryParse(s.Lookup(token), out var variable) ? variable : 0;
    }

    private static char Skip(string e, ref int p)
    {
        while (p < e.Length && e[p] == ' ') p++;
        return p < e.Length ? e[p] : '\0';
    }
}
