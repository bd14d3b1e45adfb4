namespace KubeLab.Scenarios.Export.Har;

/// <summary>Who sent an exchange and how: the user the API server authenticated, the cluster component it was, if one.</summary>
/// <param name="Component">The program of the cluster's own (<c>kubelet</c>, <c>kube-scheduler</c>, <c>kube-controller-manager</c>); null for an outside client.</param>
/// <param name="Protocol">The protocol the request came in (<c>HTTP/2</c> for kubectl over TLS); entries show HTTP/1.1 messages.</param>
public sealed record HarEntryNote(string User, IReadOnlyList<string> Groups, string? Component, string? Protocol = null);
