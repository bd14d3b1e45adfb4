using System.Globalization;
using System.Text;

namespace KubeLab.ControlPlane.Controllers.Kubelet.Shell;

/// <summary>The commands a script's output depends on, as busybox implements them.</summary>
internal static class ShellBuiltins
{
    public static (string Output, int Status) Run(List<string> fields, ShellState state)
    {
        var args = fields.Skip(1).ToList();
        return fields[0] switch
        {
            "echo" => (Echo(args), 0),
            "printf" => (Printf(args), 0),
            "date" => (ShellTime.Date(args, state.Now()) + "\n", 0),
            "hostname" => (state.Hostname + "\n", 0),
            "seq" => (Seq(args), 0),
            "cat" when args is ["/etc/hostname"] => (state.Hostname + "\n", 0),
            "cat" when args.Count > 0 => (string.Concat(args.Select(a => $"cat: can't open '{a}': No such file or directory\n")), 1),
            "env" or "printenv" when args.Count == 0 => (string.Concat(state.Variables.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => $"{v.Key}={v.Value}\n")), 0),
            "printenv" => (string.Concat(args.Where(state.Variables.ContainsKey).Select(a => state.Variables[a] + "\n")), args.All(state.Variables.ContainsKey) ? 0 : 1),
            "whoami" => ("root\n", 0),
            "id" => ("uid=0(root) gid=0(root) groups=0(root),10(wheel)\n", 0),
            "pwd" => ("/\n", 0),
            "uname" => (args.Contains("-a") ? $"Linux {state.Hostname} 6.1.0-kubelab #1 SMP PREEMPT_DYNAMIC x86_64 GNU/Linux\n" : "Linux\n", 0),
            "false" => ("", 1),
            "[" or "test" => ("", Test(fields[0] == "[" ? args.Take(Math.Max(0, args.Count - 1)).ToList() : args) ? 0 : 1),
            "read" => ("", 1),
            _ => ("", 0),
        };
    }

    /// <summary>busybox echo: <c>-n</c> drops the newline; only <c>-e</c> interprets backslash escapes.</summary>
    private static string Echo(List<string> args)
    {
        var newline = true;
        var escapes = false;
        var i = 0;
        for (; i < args.Count && args[i].Length > 1 && args[i][0] == '-' && args[i][1..].All(c => c is 'n' or 'e' or 'E'); i++)
        {
            newline &= !args[i].Contains('n');
            escapes = args[i].Contains('e');
        }
        var text = string.Join(" ", args.Skip(i));
        return (escapes ? Unescape(text) : text) + (newline ? "\n" : "");
    }

    /// <summary>printf with %s %d %i %c %x %% and the usual escapes; the format repeats while arguments remain.</summary>
    private static string Printf(List<string> args)
    {
        if (args.Count == 0) return "";
        var format = Unescape(args[0]);
        var values = args.Skip(1).ToList();
        var output = new StringBuilder();
        var next = 0;
        do
        {
            for (var i = 0; i < format.Length; i++)
            {
                if (format[i] != '%' || i + 1 >= format.Length) { output.Append(format[i]); continue; }
                var spec = format[++i];
                while (i < format.Length && (char.IsDigit(spec) || spec is '-' or '.') && i + 1 < format.Length) spec = format[++i];
                if (spec == '%') { output.Append('%'); continue; }
                var value = next < values.Count ? values[next++] : "";
                output.Append(spec switch
                {
                    'd' or 'i' => long.TryParse(value, out var n) ? n.ToString(CultureInfo.InvariantCulture) : "0",
                    'x' => long.TryParse(value, out var x) ? x.ToString("x", CultureInfo.InvariantCulture) : "0",
                    'c' => value.Length > 0 ? value[..1] : "",
                    _ => value,
                });
            }
        } while (next > 0 && next < values.Count);
        return output.ToString();
    }

    private static string Unescape(string text) => text
        .Replace("\\n", "\n").Replace("\\t", "\t").Replace("\\\\", "\\");

    private static string Seq(List<string> args)
    {
        var numbers = args.Select(a => long.TryParse(a, out var n) ? n : 0).ToList();
        var (first, step, last) = numbers.Count switch
        {
            1 => (1L, 1L, numbers[0]),
            2 => (numbers[0], 1L, numbers[1]),
            >= 3 => (numbers[0], numbers[1], numbers[2]),
            _ => (1L, 1L, 0L),
        };
        var output = new StringBuilder();
        for (var n = first; step > 0 ? n <= last : n >= last; n += step)
        {
            output.Append(n).Append('\n');
            if (output.Length > 100_000 || step == 0) break;
        }
        return output.ToString();
    }

    /// <summary><c>test</c>/<c>[</c>: string and integer comparisons, -n/-z, and !.</summary>
    private static bool Test(List<string> args)
    {
        if (args is ["!", .. var rest]) return !Test(rest);
        return args switch
        {
            [] => false,
            [var one] => one.Length > 0,
            ["-n", var s] => s.Length > 0,
            ["-z", var s] => s.Length == 0,
            [var a, "=" or "==", var b] => a == b,
            [var a, "!=", var b] => a != b,
            [var a, var op, var b] when long.TryParse(a, out var x) && long.TryParse(b, out var y) => op switch
            {
                "-eq" => x == y, "-ne" => x != y, "-lt" => x < y, "-le" => x <= y, "-gt" => x > y, "-ge" => x >= y, _ => false,
            },
            _ => false,
        };
    }
}
