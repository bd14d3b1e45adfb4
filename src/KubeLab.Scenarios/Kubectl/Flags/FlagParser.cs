namespace KubeLab.Scenarios.Kubectl.Flags;

/// <summary>
/// pflag's <c>FlagSet.Parse</c> with interspersed arguments, as cobra runs it for kubectl: <c>--name=v</c>,
/// <c>--name v</c>, <c>-n v</c>, <c>-nv</c>, <c>-n=v</c>, grouped bool shorthands (<c>-wA</c>), <c>--</c>
/// ending the flags, and pflag's own error texts.
/// </summary>
public static class FlagParser
{
    public static FlagValues Parse(FlagSet flags, IReadOnlyList<string> args)
    {
        var result = new FlagValues(flags);
        var queue = new Queue<string>(args);
        while (queue.Count > 0)
        {
            var arg = queue.Dequeue();
            if (arg.Length < 2 || arg[0] != '-')
            {
                result.Positional.Add(arg);
                continue;
            }
            if (arg[1] == '-')
            {
                if (arg.Length == 2)
                {
                    result.ArgsLenAtDash = result.Positional.Count;
                    result.Positional.AddRange(queue);
                    break;
                }
                Long(flags, result, arg, queue);
            }
            else
            {
                Short(flags, result, arg, queue);
            }
        }
        return result;
    }

    private static void Long(FlagSet flags, FlagValues result, string arg, Queue<string> queue)
    {
        var name = arg[2..];
        if (name.Length == 0 || name[0] == '-' || name[0] == '=') throw new FlagException($"bad flag syntax: {arg}");
        var eq = name.IndexOf('=');
        string? value = null;
        if (eq >= 0)
        {
            value = name[(eq + 1)..];
            name = name[..eq];
        }
        var flag = flags.Find(name) ?? throw new FlagException($"unknown flag: --{name}");
        if (value is not null) result.Set(flag, value);
        else if (flag.NoOptDefault is { } implied) result.Set(flag, implied);
        else if (queue.Count > 0) result.Set(flag, queue.Dequeue());
        else throw new FlagException($"flag needs an argument: {arg}");
    }

    private static void Short(FlagSet flags, FlagValues result, string arg, Queue<string> queue)
    {
        var shorthands = arg[1..];
        while (shorthands.Length > 0)
        {
            var c = shorthands[0];
            var flag = flags.Find(c) ?? throw new FlagException($"unknown shorthand flag: '{c}' in -{shorthands}");
            string value;
            if (shorthands.Length > 2 && shorthands[1] == '=')
            {
                value = shorthands[2..];
                shorthands = "";
            }
            else if (flag.NoOptDefault is { } implied)
            {
                value = implied;
                shorthands = shorthands[1..];
            }
            else if (shorthands.Length > 1)
            {
                value = shorthands[1..];
                shorthands = "";
            }
            else if (queue.Count > 0)
            {
                value = queue.Dequeue();
                shorthands = "";
            }
            else
            {
                throw new FlagException($"flag needs an argument: '{c}' in -{shorthands}");
            }
            result.Set(flag, value);
        }
    }
}
