using KubeLab.ControlPlane.Api.Authentication;
using KubeLab.ControlPlane.Authentication;
using KubeLab.ControlPlane.Pipeline;

namespace KubeLab.ControlPlane.Registry.Authentication;

/// <summary><c>kubectl auth whoami</c>: the user the request authenticated (and impersonated) as.</summary>
public sealed class SelfSubjectReviewStrategy : ReviewStrategy<SelfSubjectReview>
{
    public override bool Namespaced => false;

    protected override SelfSubjectReview Review(SelfSubjectReview review, ReviewContext context)
    {
        review.Status = new SelfSubjectReviewStatus { UserInfo = UserInfoView.From(context.User) };
        return review;
    }
}

/// <summary>Does this bearer token authenticate, and as whom? (webhook-style token review).</summary>
public sealed class TokenReviewStrategy : ReviewStrategy<TokenReview>
{
    public override bool Namespaced => false;

    protected override TokenReview Review(TokenReview review, ReviewContext context)
    {
        var result = context.Cluster.Authentication.BearerTokens.AuthenticateToken(review.Spec.Token ?? "");
        context.Trace.Add(new TraceEntry(TraceStage.Authentication, "token review", result.User is null ? "rejected" : "authenticated", result.Detail));
        review.Status = result.User is { } user
            ? new TokenReviewStatus
            {
                Authenticated = true,
                User = UserInfoView.From(UnionAuthenticator.WithAuthenticatedGroup(user)),
                Audiences = review.Spec.Audiences is { Count: > 0 } asked ? asked : [.. ServiceAccountTokens.ApiAudiences],
            }
            : new TokenReviewStatus { Error = result.Error };
        return review;
    }
}
