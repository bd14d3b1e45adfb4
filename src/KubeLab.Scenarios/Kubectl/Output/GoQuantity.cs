using System.Globalization;
using System.Numerics;
using System.Text.Json.Nodes;

namespace KubeLab.Scenarios.Kubectl.Output;

/// <summary>How a quantity was written, which decides how it prints (apimachinery's <c>resource.Format</c>).</summary>
internal enum QuantityFormat
{
    DecimalSI,
    BinarySI,
    DecimalExponent,
}

/// <summary>
/// apimachinery's <c>resource.Quantity</c> as kubectl handles it: parsed from the server's text, added and compared,
/// and printed in canonical form (<c>0.5</c> prints <c>500m</c>, <c>2048Mi</c> prints <c>2Gi</c>), which is what
/// describe shows whatever the object says. The value is <see cref="Unscaled"/> × 10^<see cref="Exponent"/>.
/// </summary>
internal readonly record struct GoQuantity(BigInteger Unscaled, int Exponent, QuantityFormat Format)
{
    public static readonly GoQuantity Zero = new(BigInteger.Zero, 0, QuantityFormat.DecimalSI);

    private static readonly Dictionary<string, (int Base, int Exponent)> Suffixes = new(StringComparer.Ordinal)
    {
        [""] = (10, 0), ["n"] = (10, -9), ["u"] = (10, -6), ["m"] = (10, -3), ["k"] = (10, 3), ["M"] = (10, 6), ["G"] = (10, 9),
        ["T"] = (10, 12), ["P"] = (10, 15), ["E"] = (10, 18),
        ["Ki"] = (2, 10), ["Mi"] = (2, 20), ["Gi"] = (2, 30), ["Ti"] = (2, 40), ["Pi"] = (2, 50), ["Ei"] = (2, 60),
    };

    public bool IsZero => Unscaled.IsZero;

    /// <summary>A quantity from JSON (a string, or a number a manifest wrote bare); zero when absent or unreadable.</summary>
    public static GoQuantity Of(JsonNode? node) => node is JsonValue v ? Parse(v.ToString()) : Zero;

    /// <summary><c>resource.ParseQuantity</c>; zero for text it would refuse.</summary>
    public static GoQuantity Parse(string text)
    {
        var i = 0;
        var negative = false;
        if (i < text.Length && text[i] is '+' or '-') negative = text[i++] == '-';
        var numberStart = i;
        while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
        var whole = text[numberStart..i];
        var fraction = "";
        if (i < text.Length && text[i] == '.')
        {
            var fractionStart = ++i;
            while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
            fraction = text[fractionStart..i];
        }
        if (whole.Length + fraction.Length == 0) return Zero;
        var suffix = text[i..];
        int numberBase, exponent;
        var format = QuantityFormat.DecimalSI;
        if (Suffixes.TryGetValue(suffix, out var known))
        {
            (numberBase, exponent) = known;
            if (numberBase == 2) format = QuantityFormat.BinarySI;
        }
        else if (suffix.Length > 1 && suffix[0] is 'e' or 'E' && int.TryParse(suffix[1..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out exponent))
        {
            numberBase = 10;
            format = QuantityFormat.DecimalExponent;
        }
        else return Zero;

        var unscaled = BigInteger.Parse("0" + whole + fraction, CultureInfo.InvariantCulture);
        var power = -fraction.Length;
        if (numberBase == 10) power += exponent;
        else unscaled <<= exponent;
        if (negative) unscaled = -unscaled;
        var quantity = new GoQuantity(unscaled, power, format).RoundedUpToNano();
        // A binary quantity below one cannot print in binary units.
        if (format == QuantityFormat.BinarySI && !quantity.IsZero && quantity.Abs().CompareTo(Whole(1)) < 0)
            quantity = quantity with { Format = QuantityFormat.DecimalSI };
        return quantity;
    }

    /// <summary><c>Quantity.Add</c>: the sum keeps this quantity's format, unless this one is zero.</summary>
    public GoQuantity Add(GoQuantity other)
    {
        var exponent = Math.Min(Exponent, other.Exponent);
        var sum = At(exponent) + other.At(exponent);
        return new GoQuantity(sum, exponent, IsZero ? other.Format : Format);
    }

    public int CompareTo(GoQuantity other)
    {
        var exponent = Math.Min(Exponent, other.Exponent);
        return At(exponent).CompareTo(other.At(exponent));
    }

    /// <summary><c>Quantity.Value</c>: whole units, rounded up.</summary>
    public long Value() => Scaled(0);

    /// <summary><c>Quantity.MilliValue</c>: thousandths, rounded up.</summary>
    public long MilliValue() => Scaled(-3);

    /// <summary><c>Quantity.String</c>: the canonical form.</summary>
    public override string ToString()
    {
        if (IsZero) return "0";
        var format = Format;
        if (format == QuantityFormat.BinarySI && (Abs().CompareTo(Whole(1024)) < 0 || !IsWhole))
            format = QuantityFormat.DecimalSI;
        if (format == QuantityFormat.BinarySI)
        {
            var value = At(0);
            var power = 0;
            while (power < 60 && value % 1024 == 0)
            {
                value /= 1024;
                power += 10;
            }
            return value.ToString(CultureInfo.InvariantCulture) + (power == 0 ? "" : Suffixes.First(s => s.Value == (2, power)).Key);
        }
        var (mantissa, exponent) = (Unscaled, Exponent);
        while (mantissa % 10 == 0)
        {
            mantissa /= 10;
            exponent++;
        }
        while (exponent % 3 != 0)
        {
            mantissa *= 10;
            exponent--;
        }
        var number = mantissa.ToString(CultureInfo.InvariantCulture);
        if (format == QuantityFormat.DecimalExponent) return exponent == 0 ? number : $"{number}e{exponent}";
        // An exponent without an SI suffix prints no suffix at all, as apimachinery does.
        return number + (Suffixes.FirstOrDefault(s => s.Value == (10, exponent)).Key ?? "");
    }

    private static GoQuantity Whole(long value) => new(value, 0, QuantityFormat.DecimalSI);

    private GoQuantity Abs() => this with { Unscaled = BigInteger.Abs(Unscaled) };

    private bool IsWhole => Exponent >= 0 || Unscaled % BigInteger.Pow(10, -Exponent) == 0;

    /// <summary>The unscaled value at another exponent (exact when it is smaller, or when the value is whole there).</summary>
    private BigInteger At(int exponent) =>
        Exponent >= exponent ? Unscaled * BigInteger.Pow(10, Exponent - exponent) : Unscaled / BigInteger.Pow(10, exponent - Exponent);

    private long Scaled(int exponent)
    {
        if (Exponent >= exponent) return (long)At(exponent);
        var divisor = BigInteger.Pow(10, exponent - Exponent);
        var quotient = BigInteger.DivRem(Unscaled, divisor, out var remainder);
        if (remainder > 0) quotient++;
        else if (remainder < 0) quotient--;
        return (long)quotient;
    }

    /// <summary>Values finer than a billionth round up (away from zero), as ParseQuantity does.</summary>
    private GoQuantity RoundedUpToNano()
    {
        if (Exponent >= -9) return this;
        return new GoQuantity(new BigInteger(Scaled(-9)), -9, Format);
    }
}
