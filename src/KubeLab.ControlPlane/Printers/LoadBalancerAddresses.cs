namespace KubeLab.ControlPlane.Printers;

/// <summary>Load-balancer ingress points as printers show them: the IP, else the hostname; de-duplicated and sorted.</summary>
internal static class LoadBalancerAddresses
{
    /// <summary>Never clipped: the server prints wide, kubectl shows the cell whole.</summary>
    public static List<string> Of(IEnumerable<(string? Ip, string? Hostname)> points) =>
        points.Select(p => !string.IsNullOrEmpty(p.Ip) ? p.Ip : p.Hostname)
            .OfType<string>().Where(a => a.Length > 0)
            .Distinct().Order(StringComparer.Ordinal).ToList();
}
