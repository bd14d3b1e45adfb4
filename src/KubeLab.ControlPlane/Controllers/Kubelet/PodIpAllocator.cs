using System.Net;

namespace KubeLab.ControlPlane.Controllers.Kubelet;

/// <summary>
/// The host-local IPAM plugin of one node: addresses from the node's podCIDR, handed out round-robin
/// (the next after the last one reserved, skipping those in use, starting at .2), released when a pod goes.
/// </summary>
public sealed class PodIpAllocator(string podCidr)
{
    private readonly Dictionary<string, uint> _byPod = [];
    private readonly HashSet<uint> _inUse = [];
    private uint? _last;

    public string Allocate(string podUid)
    {
        if (_byPod.TryGetValue(podUid, out var existing)) return Format(existing);
        var (network, size) = Parse();
        var first = network + 2;
        var last = network + size - 2;
        var candidate = _last is { } previous && previous < last ? previous + 1 : first;
        for (var tries = 0; tries < size; tries++)
        {
            if (!_inUse.Contains(candidate)) break;
            candidate = candidate >= last ? first : candidate + 1;
        }
        _inUse.Add(candidate);
        _byPod[podUid] = candidate;
        _last = candidate;
        return Format(candidate);
    }

    public void Release(string podUid)
    {
        if (_byPod.Remove(podUid, out var address)) _inUse.Remove(address);
    }

    private (uint Network, uint Size) Parse()
    {
        var slash = podCidr.IndexOf('/');
        var bytes = IPAddress.Parse(podCidr[..slash]).GetAddressBytes();
        var prefix = int.Parse(podCidr[(slash + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        var value = (uint)(bytes[0] << 24 | bytes[1] << 16 | bytes[2] << 8 | bytes[3]);
        return (value, 1u << (32 - prefix));
    }

    private static string Format(uint address) => $"{address >> 24}.{address >> 16 & 255}.{address >> 8 & 255}.{address & 255}";
}
