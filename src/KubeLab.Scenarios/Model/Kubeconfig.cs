namespace KubeLab.Scenarios.Model;

/// <summary>
/// The kubeconfig the learner has (one cluster: the simulated API server). References are not
/// checked against each other on purpose: a context naming a user that is not there is how the
/// bad-credentials lesson makes kubectl send no credentials at all. As a step action, a
/// kubeconfig is an edit: its contexts and users replace or add the entries of the same name.
/// </summary>
public sealed record Kubeconfig(string? CurrentContext, IReadOnlyList<KubeconfigContext> Contexts, IReadOnlyList<KubeconfigUser> Users);

public sealed record KubeconfigContext(string Name, string User, string? Namespace);

/// <summary>
/// Credentials as kubectl reads them: a token (right or wrong), a client certificate that the
/// cluster issued to a <see cref="ClusterUser"/> named <see cref="ClientCertificate"/>, or nothing (anonymous).
/// </summary>
public sealed record KubeconfigUser(string Name, string? Token, string? ClientCertificate);
