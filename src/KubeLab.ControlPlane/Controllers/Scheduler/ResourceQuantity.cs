using System.Globalization;
using System.Text.RegularExpressions;
using KubeLab.ControlPlane.Api.Core;

namespace KubeLab.ControlPlane.Controllers.Scheduler;

/// <summary>resource.Quantity arithmetic the scheduler needs: a quantity as thousandths (millicores, milli-bytes).</summary>
public static partial class ResourceQuantity
{
    private static readonly Dictionary<string, decimal> Suffixes = new()
    {
        [""] = 1, ["m"] = 0.001m, ["k"] = 1e3m, ["M"] = 1e6m, ["G"] = 1e9m, ["T"] = 1e12m, ["P"] = 1e15m, ["E"] = 1e18m,
        ["Ki"] = 1024m, ["Mi"] = 1024m * 1024, ["Gi"] = 1024m * 1024 * 1024, ["Ti"] = 1024m * 1024 * 1024 * 1024,
        ["Pi"] = 1024m * 1024 * 1024 * 1024 * 1024, ["Ei"] = 1024m * 1024 * 1024 * 1024 * 1024 * 1024,
    };

    public static decimal Milli(Quantity quantity)
    {
        var match = Pattern().Match(quantity.Value.Trim());
        if (!match.Success) return 0;
        var number = decimal.Parse(match.Groups[1].Value, NumberStyles.Float, CultureInfo.InvariantCulture);
        var suffix = match.Groups[2].Value;
        if (Suffixes.TryGetValue(suffix, out var factor)) return number * factor * 1000;
        if (suffix.Length > 1 && suffix[0] is 'e' or 'E' && int.TryParse(suffix[1..], out var exponent))
            return number * (decimal)Math.Pow(10, exponent) * 1000;
        return 0;
    }

    /// <summary>What a pod asks of a node: the sum of its containers' requests, or its largest init container's.</summary>
    public static decimal Request(PodSpec spec, string resource)
    {
        decimal Of(Container c) => c.Resources.Requests?.TryGetValue(resource, out var q) == true ? Milli(q) : 0;
        var containers = (spec.Containers ?? []).Sum(Of);
        var init = (spec.InitContainers ?? []).Select(Of).DefaultIfEmpty(0).Max();
        return Math.Max(containers, init);
    }

    [GeneratedRegex(@"^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$")]
    private static partial Regex Pattern();
}
