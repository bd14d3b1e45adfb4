using KubeLab.ControlPlane.Api.Authorization;
using KubeLab.ControlPlane.Authorization.Rbac;
using KubeLab.ControlPlane.Errors;
using KubeLab.ControlPlane.Pipeline;

namespace KubeLab.ControlPlane.Registry.Authorization;

/// <summary>
/// <c>kubectl auth can-i --list</c>: every rule RBAC grants the requesting user in a namespace, split into
/// resource and non-resource rules. Rules from system:masters' privileged access are not listed, as on a real server.
/// </summary>
public sealed class SelfSubjectRulesReviewStrategy : ReviewStrategy<SelfSubjectRulesReview>
{
    public override bool Namespaced => false;

    protected override SelfSubjectRulesReview Review(SelfSubjectRulesReview review, ReviewContext context)
    {
        var ns = review.Spec.Namespace ?? "";
        if (ns.Length == 0) throw StatusErrors.BadRequest("no namespace on request");
        var rules = context.Cluster.Rbac.RulesFor(context.User, ns);
        var status = new SubjectRulesReviewStatus { ResourceRules = [], NonResourceRules = [] };
        foreach (var rule in rules.Rules)
        {
            if ((rule.Resources?.Count ?? 0) > 0)
                status.ResourceRules.Add(new ResourceRule { Verbs = rule.Verbs, ApiGroups = rule.ApiGroups, Resources = rule.Resources, ResourceNames = rule.ResourceNames });
            if ((rule.NonResourceURLs?.Count ?? 0) > 0)
                status.NonResourceRules.Add(new NonResourceRule { Verbs = rule.Verbs, NonResourceURLs = rule.NonResourceURLs });
        }
        if (rules.Errors.Count > 0) status.EvaluationError = RbacAuthorizer.Aggregate(rules.Errors);
        context.Trace.Add(new TraceEntry(TraceStage.Authorization, "rules review", "listed",
            $"{rules.Rules.Count} rules reach {context.User} in namespace \"{ns}\" through its bindings"));
        review.Status = status;
        return review;
    }
}
