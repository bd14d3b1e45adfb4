using System.Security.Cryptography;
using System.Text;

namespace KubeLab.ControlPlane.Controllers.Kubelet;

/// <summary>
/// An image as containerd resolves it: <c>nginx</c> is <c>docker.io/library/nginx:latest</c>. The digest and
/// size are made up but stable (derived from the name), so the same image has the same id on every node and run.
/// </summary>
public sealed record ImageReference(string Original, string Registry, string Repository, string Tag, string? Digest)
{
    /// <summary>The last path element of the repository, which is what the simulator recognises images by.</summary>
    public string ShortName => Repository[(Repository.LastIndexOf('/') + 1)..];

    /// <summary>What the container status shows once the image is resolved, e.g. <c>docker.io/library/nginx:latest</c>.</summary>
    public string Resolved => Digest is null ? $"{Registry}/{Repository}:{Tag}" : $"{Registry}/{Repository}@{Digest}";

    /// <summary>The status imageID: repository and content digest.</summary>
    public string ImageId => $"{Registry}/{Repository}@{Digest ?? "sha256:" + Hex("digest")}";

    /// <summary>Image size in bytes as the runtime reports it after a pull.</summary>
    public long Size => KnownImages.Size(ShortName) ?? 20_000_000 + BitConverter.ToUInt32(SHA256.HashData(Encoding.UTF8.GetBytes(Resolved))) % 180_000_000;

    /// <summary>The kubelet's default pull policy: Always for :latest (or no tag), else IfNotPresent.</summary>
    public string DefaultPullPolicy => Digest is null && Tag == "latest" ? "Always" : "IfNotPresent";

    public static ImageReference Parse(string image)
    {
        var rest = image;
        string? digest = null;
        var at = rest.IndexOf('@');
        if (at >= 0) (rest, digest) = (rest[..at], rest[(at + 1)..]);
        var slash = rest.IndexOf('/');
        var registry = "docker.io";
        if (slash > 0 && (rest[..slash].Contains('.') || rest[..slash].Contains(':') || rest[..slash] == "localhost"))
            (registry, rest) = (rest[..slash], rest[(slash + 1)..]);
        var colon = rest.LastIndexOf(':');
        var tag = "latest";
        if (colon > rest.LastIndexOf('/')) (rest, tag) = (rest[..colon], rest[(colon + 1)..]);
        if (registry == "docker.io" && !rest.Contains('/')) rest = "library/" + rest;
        return new ImageReference(image, registry, rest, tag, digest);
    }

    private string Hex(string salt) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{salt}:{Registry}/{Repository}:{Tag}")));
}
