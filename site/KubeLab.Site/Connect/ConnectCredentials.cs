using System.Security.Cryptography;

namespace KubeLab.Site.Connect;

/// <summary>
/// How a real kubectl reaches one learner's cluster: the id in the path (<c>/clusters/{ConnectId}</c>), which only
/// routes, and the bearer token, which the cluster itself authenticates. Two random values, so knowing where a
/// cluster is gives no way in.
/// </summary>
public sealed record ConnectCredentials(string ConnectId, string Token)
{
    public static ConnectCredentials New() => new(
        Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
        "kubelab-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)));
}
