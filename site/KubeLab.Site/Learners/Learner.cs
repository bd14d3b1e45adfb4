namespace KubeLab.Site.Learners;

/// <summary>
/// The learner a page is for, cascaded to every page of the circuit. Read from the learner's cookie while the page is
/// prerendered (where the request's HttpContext is), and handed to the circuit as a parameter of the interactive root
/// component (<c>Routes</c>): the way ASP.NET Core documents for request state, since a circuit has no HttpContext of
/// its own to rely on. Blazor protects root component parameters with Data Protection, so a client can neither read
/// nor change the id on the way.
/// </summary>
public sealed record Learner(string Id)
{
    /// <summary>What a page says when the circuit came without a learner (the browser refused the cookie).</summary>
    public const string CookieMissing = "The site could not tell who you are: it needs its cookie (kubelab-learner) to keep your cluster. Allow cookies for this site and reload.";
}
