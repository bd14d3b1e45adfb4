namespace KubeLab.ControlPlane.Pipeline;

/// <summary>Who is asking, as an authenticator determined it.</summary>
public sealed record UserInfo(string Name, IReadOnlyList<string> Groups, string? Uid = null)
{
    public static readonly UserInfo Anonymous = new("system:anonymous", ["system:unauthenticated"]);
}
