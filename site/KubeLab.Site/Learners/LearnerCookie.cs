using System.Security.Cryptography;
using Microsoft.AspNetCore.Components.Endpoints;

namespace KubeLab.Site.Learners;

/// <summary>
/// Who a browser is to the site: a random id (256 bits from <see cref="RandomNumberGenerator"/>) in an HttpOnly,
/// SameSite=Lax cookie, given on the first page request that comes without one. The id only names the learner's
/// cluster; it is never shown on a page, and scripts cannot read it.
/// </summary>
/// <remarks>
/// Lax, not Strict: a learner following a link to the site from elsewhere must arrive with their cookie, or the
/// middleware would hand them a new id and with it a new, empty cluster.
/// </remarks>
public static class LearnerCookie
{
    public const string Name = "kubelab-learner";
    private const int Bytes = 32;
    /// <summary>Where the middleware leaves a new id for the rest of the request (the cookie comes back only on the next).</summary>
    private static readonly object Issued = new();

    public static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(Bytes));

    /// <summary>An id the site could have given: anything else in the cookie is ignored (and replaced on the next page).</summary>
    public static bool IsWellFormed(string? id) => id is { Length: Bytes * 2 } && id.All(char.IsAsciiHexDigitLower);

    /// <summary>The learner a request comes from: the id the middleware just gave it, else its cookie's; null if neither.</summary>
    public static string? Of(HttpContext http) =>
        http.Items[Issued] as string ?? (http.Request.Cookies[Name] is var id && IsWellFormed(id) ? id : null);

    /// <summary>Gives every page request that has no (well-formed) learner cookie a new one.</summary>
    public static IApplicationBuilder UseLearnerCookie(this IApplicationBuilder app) => app.Use((http, next) =>
    {
        // Pages only (Razor component endpoints), not scripts, styles or the circuit's own requests.
        var page = http.GetEndpoint()?.Metadata.GetMetadata<ComponentTypeMetadata>() is not null;
        if (page && HttpMethods.IsGet(http.Request.Method) && Of(http) is null)
        {
            var id = NewId();
            http.Items[Issued] = id;
            http.Response.Cookies.Append(Name, id, new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Lax,
                Secure = http.Request.IsHttps,
                Path = "/",
                IsEssential = true,
            });
        }
        return next(http);
    });
}
