using KubeLab.ControlPlane.Api.Authorization;
using KubeLab.ControlPlane.Authorization;
using KubeLab.ControlPlane.Errors;
using KubeLab.ControlPlane.Pipeline;

namespace KubeLab.ControlPlane.Registry.Authorization;

/// <summary><c>kubectl auth can-i</c>: may the requesting user (after impersonation) do this?</summary>
public sealed class SelfSubjectAccessReviewStrategy : ReviewStrategy<SelfSubjectAccessReview>
{
    public override bool Namespaced => false;

    protected override SelfSubjectAccessReview Review(SelfSubjectAccessReview review, ReviewContext context)
    {
        AccessReviews.ValidateSpec(review.Spec.ResourceAttributes, review.Spec.NonResourceAttributes, "SelfSubjectAccessReview");
        review.Status = AccessReviews.Evaluate(context.User, review.Spec.ResourceAttributes, review.Spec.NonResourceAttributes, context);
        return review;
    }
}

/// <summary>May the user named in the spec do this? (asked by components such as webhooks and aggregated servers).</summary>
public sealed class SubjectAccessReviewStrategy : ReviewStrategy<SubjectAccessReview>
{
    public override bool Namespaced => false;

    protected override SubjectAccessReview Review(SubjectAccessReview review, ReviewContext context)
    {
        review.Status = AccessReviews.EvaluateFor(review.Spec, "SubjectAccessReview", context);
        return review;
    }
}

/// <summary>A SubjectAccessReview whose resource must lie in the URL's namespace.</summary>
public sealed class LocalSubjectAccessReviewStrategy : ReviewStrategy<LocalSubjectAccessReview>
{
    public override bool Namespaced => true;

    protected override LocalSubjectAccessReview Review(LocalSubjectAccessReview review, ReviewContext context)
    {
        var attributes = review.Spec.ResourceAttributes;
        if (attributes is not null && !string.IsNullOrEmpty(attributes.Namespace) && attributes.Namespace != context.Namespace)
            throw StatusErrors.BadRequest($"spec.resourceAttributes.namespace must match namespace: {context.Namespace}");
        if (attributes is not null) attributes.Namespace = context.Namespace;
        review.Metadata.Namespace = context.Namespace;
        review.Status = AccessReviews.EvaluateFor(review.Spec, "LocalSubjectAccessReview", context);
        return review;
    }
}

/// <summary>Turning review specs into authorizer attributes and the authorizer's answer into a status.</summary>
internal static class AccessReviews
{
    public static void ValidateSpec(ResourceAttributes? resource, NonResourceAttributes? nonResource, string kind)
    {
        if (resource is not null && nonResource is not null)
            throw StatusErrors.Invalid(kind, "authorization.k8s.io", "", [FieldError.Invalid("spec.nonResourceAttributes", "non-resource attributes", "cannot be specified in combination with resourceAttributes")]);
        if (resource is null && nonResource is null)
            throw StatusErrors.Invalid(kind, "authorization.k8s.io", "", [FieldError.Invalid("spec.resourceAttributes", null, "exactly one of nonResourceAttributes or resourceAttributes must be specified")]);
    }

    public static SubjectAccessReviewStatus EvaluateFor(SubjectAccessReviewSpec spec, string kind, ReviewContext context)
    {
        ValidateSpec(spec.ResourceAttributes, spec.NonResourceAttributes, kind);
        if (string.IsNullOrEmpty(spec.User) && (spec.Groups?.Count ?? 0) == 0)
            throw StatusErrors.Invalid(kind, "authorization.k8s.io", "", [FieldError.Invalid("spec.user", "", "at least one of user or group must be specified")]);
        var user = new UserInfo(spec.User ?? "", spec.Groups ?? [], spec.Uid)
        {
            Extra = (spec.Extra ?? []).ToDictionary(kv => kv.Key, kv => (IReadOnlyList<string>)kv.Value),
        };
        return Evaluate(user, spec.ResourceAttributes, spec.NonResourceAttributes, context);
    }

    public static SubjectAccessReviewStatus Evaluate(UserInfo user, ResourceAttributes? resource, NonResourceAttributes? nonResource, ReviewContext context)
    {
        var attributes = resource is not null
            ? new AuthorizationAttributes(user, resource.Verb ?? "")
            {
                IsResourceRequest = true,
                Namespace = resource.Namespace ?? "",
                ApiGroup = resource.Group ?? "",
                ApiVersion = resource.Version ?? "",
                Resource = resource.Resource ?? "",
                Subresource = resource.Subresource ?? "",
                Name = resource.Name ?? "",
            }
            : AuthorizationAttributes.NonResource(user, nonResource!.Verb ?? "", nonResource.Path ?? "");
        var result = context.Cluster.Authorizer.Authorize(attributes);
        context.Trace.Add(new TraceEntry(TraceStage.Authorization, "access review", result.Allowed ? "yes" : "no",
            $"asked whether {user} may {attributes.Describe()}: " +
            (result.Allowed ? "yes" : "no") + (result.Reason.Length > 0 ? $" ({result.Reason})" : "")));
        return new SubjectAccessReviewStatus
        {
            Allowed = result.Allowed,
            Denied = result.Decision == Decision.Deny ? true : null,
            Reason = result.Reason.Length > 0 ? result.Reason : null,
        };
    }
}
