using System.Globalization;
using System.Text;

namespace KubeLab.Scenarios.Kubectl.Output;

/// <summary>
/// Go's float64 formatting, as kubectl's printers reach it: <c>%v</c> and yaml's <c>'g'</c>
/// (shortest digits; exponent form when the exponent is below -4 or at least 6) and
/// encoding/json's (fixed notation between 1e-6 and 1e21, exponent form outside).
/// </summary>
public static class GoFloat
{
    /// <summary><c>strconv.FormatFloat(f, 'g', -1, 64)</c>, which is also what <c>fmt.Sprint</c> prints.</summary>
    public static string FormatG(double value)
    {
        if (double.IsNaN(value)) return "NaN";
        if (double.IsInfinity(value)) return value > 0 ? "+Inf" : "-Inf";
        var (negative, digits, point) = Shortest(value);
        var exponent = point - 1;
        // Shortest formatting decides between %e and %f as if the precision were 6.
        return exponent < -4 || exponent >= 6
            ? Exponent(negative, digits, exponent)
            : Fixed(negative, digits, point);
    }

    /// <summary>encoding/json's float encoder.</summary>
    public static string FormatJson(double value)
    {
        var abs = Math.Abs(value);
        var (negative, digits, point) = Shortest(value);
        if (abs != 0 && (abs < 1e-6 || abs >= 1e21))
        {
            var text = Exponent(negative, digits, point - 1);
            // Go trims a negative two-digit exponent's leading zero: 1e-07 becomes 1e-7.
            var n = text.Length;
            if (n >= 4 && text[n - 4] == 'e' && text[n - 3] == '-' && text[n - 2] == '0')
                text = text[..(n - 2)] + text[n - 1];
            return text;
        }
        return Fixed(negative, digits, point);
    }

    // The shortest round-tripping decimal digits (no leading or trailing zeros) and the position of
    // the decimal point relative to them, as strconv computes them.
    private static (bool Negative, string Digits, int Point) Shortest(double value)
    {
        var negative = value < 0 || (value == 0 && double.IsNegative(value));
        if (value == 0) return (negative, "0", 1);
        // .NET's "R" is the shortest round-tripping form, as Go's; only its notation differs.
        var text = Math.Abs(value).ToString("R", CultureInfo.InvariantCulture);
        var exponent = 0;
        var e = text.IndexOfAny(['E', 'e']);
        if (e >= 0)
        {
            exponent = int.Parse(text[(e + 1)..], CultureInfo.InvariantCulture);
            text = text[..e];
        }
        var dot = text.IndexOf('.');
        var integerPart = dot < 0 ? text : text[..dot];
        var fraction = dot < 0 ? "" : text[(dot + 1)..];
        var all = integerPart + fraction;
        var point = integerPart.Length + exponent;
        var leading = all.Length - all.TrimStart('0').Length;
        all = all.TrimStart('0');
        point -= leading;
        all = all.TrimEnd('0');
        return (negative, all, point);
    }

    private static string Exponent(bool negative, string digits, int exponent)
    {
        var text = new StringBuilder();
        if (negative) text.Append('-');
        text.Append(digits[0]);
        if (digits.Length > 1) text.Append('.').Append(digits, 1, digits.Length - 1);
        text.Append('e').Append(exponent < 0 ? '-' : '+');
        var magnitude = Math.Abs(exponent);
        if (magnitude < 10) text.Append('0');
        text.Append(magnitude.ToString(CultureInfo.InvariantCulture));
        return text.ToString();
    }

    private static string Fixed(bool negative, string digits, int point)
    {
        var text = new StringBuilder();
        if (negative) text.Append('-');
        if (point <= 0)
        {
            text.Append("0.").Append('0', -point).Append(digits);
        }
        else if (point >= digits.Length)
        {
            text.Append(digits).Append('0', point - digits.Length);
        }
        else
        {
            text.Append(digits, 0, point).Append('.').Append(digits, point, digits.Length - point);
        }
        return text.ToString();
    }
}
