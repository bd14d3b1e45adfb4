namespace KubeLab.Scenarios.Kubectl.Output.JsonPath;

/// <summary>
/// Filter comparisons as Go's text/template defines them (client-go's fork): both sides must be
/// of the same basic kind (integers with integers, strings with strings…), else it is an error.
/// </summary>
internal static class JsonPathCompare
{
    private enum Kind { Bool, Int, Float, String }

    public static bool Evaluate(string op, object? left, object? right) => op switch
    {
        "==" => Equal(left, right),
        "!=" => !Equal(left, right),
        "<" => Less(left, right),
        "<=" => Less(left, right) || Equal(left, right),
        ">" => !(Less(left, right) || Equal(left, right)),
        ">=" => !Less(left, right),
        _ => throw new JsonPathException($"unrecognized filter operator {op}"),
    };

    private static bool Equal(object? a, object? b)
    {
        var (ka, kb) = (KindOf(a), KindOf(b));
        if (ka != kb) throw new JsonPathException("incompatible types for comparison");
        return ka switch
        {
            Kind.Bool => (bool)a! == (bool)b!,
            Kind.Int => (long)a! == (long)b!,
            Kind.Float => (double)a! == (double)b!,
            _ => (string)a! == (string)b!,
        };
    }

    private static bool Less(object? a, object? b)
    {
        var (ka, kb) = (KindOf(a), KindOf(b));
        if (ka != kb) throw new JsonPathException("incompatible types for comparison");
        return ka switch
        {
            Kind.Bool => throw new JsonPathException("invalid type for comparison"),
            Kind.Int => (long)a! < (long)b!,
            Kind.Float => (double)a! < (double)b!,
            // Go compares strings bytewise.
            _ => GoJson.KeyOrder.Compare((string)a!, (string)b!) < 0,
        };
    }

    private static Kind KindOf(object? value) => value switch
    {
        bool => Kind.Bool,
        long => Kind.Int,
        double => Kind.Float,
        string => Kind.String,
        _ => throw new JsonPathException("invalid type for comparison"),
    };
}
