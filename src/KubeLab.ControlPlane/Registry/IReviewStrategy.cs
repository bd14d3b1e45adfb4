using KubeLab.ControlPlane.Api.Meta;
using KubeLab.ControlPlane.Pipeline;

namespace KubeLab.ControlPlane.Registry;

/// <summary>What a review is evaluated against: who asks, in which namespace, and the cluster's authenticators and authorizers.</summary>
public sealed record ReviewContext(UserInfo User, string? Namespace, Cluster Cluster, RequestTrace Trace);

/// <summary>
/// Kinds that are computed, never stored (SelfSubjectAccessReview, TokenReview…): a POST evaluates the
/// object and answers it with its status filled in (apiserver's rest.Creater without a generic store).
/// </summary>
public interface IReviewStrategy
{
    KubeObject Review(KubeObject obj, ReviewContext context);
}

/// <summary>Typed base for review kinds.</summary>
public abstract class ReviewStrategy<T> : ResourceStrategy<T>, IReviewStrategy where T : KubeObject
{
    public KubeObject Review(KubeObject obj, ReviewContext context)
    {
        var review = (T)obj;
        review.Metadata.CreationTimestamp = null;
        return Review(review, context);
    }

    protected abstract T Review(T review, ReviewContext context);
}
