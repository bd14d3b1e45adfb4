using KubeLab.ControlPlane.Authorization.Rbac;

namespace KubeLab.ControlPlane.Authorization;

/// <summary>
/// The Node authorizer (kubeadm runs <c>--authorization-mode=Node,RBAC</c>): a kubelet, user
/// <c>system:node:&lt;name&gt;</c> in group <c>system:nodes</c>, may do what the system:node role describes.
/// The real one also limits a node to the pods, secrets and volumes of pods bound to it, using a graph of
/// those objects; this one does not, so it answers as RBAC would with that role bound to every node.
/// </summary>
public sealed class NodeAuthorizer : IAuthorizer
{
    private static readonly List<Api.Rbac.PolicyRule> Rules = BootstrapPolicy.NodeRules();

    public string Name => "Node";

    public AuthorizationResult Authorize(AuthorizationAttributes attributes)
    {
        var user = attributes.User;
        if (!user.Name.StartsWith("system:node:", StringComparison.Ordinal) || !user.Groups.Contains("system:nodes"))
            return new AuthorizationResult(Decision.NoOpinion, "");
        return Rules.Any(rule => RuleMatcher.Allows(rule, attributes))
            ? new AuthorizationResult(Decision.Allow, "")
            : new AuthorizationResult(Decision.NoOpinion, "");
    }
}
