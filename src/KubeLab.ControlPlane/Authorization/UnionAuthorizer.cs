using KubeLab.ControlPlane.Pipeline;

namespace KubeLab.ControlPlane.Authorization;

/// <summary>
/// The authorizer chain: the first authorizer with an opinion decides; if none has one the request
/// is not allowed, and the reasons collected on the way are joined (apiserver's authorization/union).
/// </summary>
public sealed class UnionAuthorizer(IReadOnlyList<IAuthorizer> authorizers) : IAuthorizer
{
    public string Name => "union";

    public AuthorizationResult Authorize(AuthorizationAttributes attributes) => Authorize(attributes, trace: null);

    /// <summary>Authorizes and records each authorizer's answer in <paramref name="trace"/>.</summary>
    public AuthorizationResult Authorize(AuthorizationAttributes attributes, RequestTrace? trace, TraceStage stage = TraceStage.Authorization)
    {
        var reasons = new List<string>();
        foreach (var authorizer in authorizers)
        {
            var result = authorizer.Authorize(attributes);
            trace?.Add(new TraceEntry(stage, authorizer.Name,
                result.Decision switch { Decision.Allow => "allowed", Decision.Deny => "denied", _ => "no opinion" },
                Explain(attributes, authorizer, result)));
            if (result.Reason.Length > 0) reasons.Add(result.Reason);
            if (result.Decision != Decision.NoOpinion) return result;
        }
        return new AuthorizationResult(Decision.NoOpinion, string.Join("\n", reasons));
    }

    private static string Explain(AuthorizationAttributes attributes, IAuthorizer authorizer, AuthorizationResult result)
    {
        var who = $"user \"{attributes.User.Name}\" with groups [{string.Join(", ", attributes.User.Groups)}]";
        return result.Decision switch
        {
            Decision.Allow => $"{who} may {attributes.Describe()}: " + (result.Reason.Length > 0 ? result.Reason : $"allowed by {authorizer.Name}: members of system:masters may do anything"),
            Decision.Deny => $"{who} may not {attributes.Describe()}: {result.Reason}",
            _ => $"{authorizer.Name} has no rule that lets {who} {attributes.Describe()}" + (result.Reason.Length > 0 ? $" ({result.Reason})" : ""),
        };
    }
}

/// <summary>Members of system:masters may do anything, before RBAC is asked (authorizerfactory.NewPrivilegedGroups).</summary>
public sealed class PrivilegedGroupsAuthorizer(params string[] groups) : IAuthorizer
{
    public string Name => "privileged-groups";

    public AuthorizationResult Authorize(AuthorizationAttributes attributes) =>
        attributes.User.Groups.Any(groups.Contains)
            ? new AuthorizationResult(Decision.Allow, "")
            : new AuthorizationResult(Decision.NoOpinion, "");
}
