namespace KubeLab.ControlPlane.Pipeline;

/// <summary>Who is asking, as an authenticator determined it (apiserver's user.Info).</summary>
public sealed record UserInfo(string Name, IReadOnlyList<string> Groups, string? Uid = null)
{
    public const string AnonymousName = "system:anonymous";
    public const string AllAuthenticated = "system:authenticated";
    public const string AllUnauthenticated = "system:unauthenticated";

    public static readonly UserInfo Anonymous = new(AnonymousName, [AllUnauthenticated]);

    /// <summary>Extra attributes (a service account token's credential id, impersonated extras).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Extra { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>The user as a learner reads it: <c>jane [dev, system:authenticated]</c>.</summary>
    public override string ToString() => $"{Name} [{string.Join(", ", Groups)}]";
}
