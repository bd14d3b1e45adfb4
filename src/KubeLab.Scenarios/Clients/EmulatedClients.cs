namespace KubeLab.Scenarios.Clients;

/// <summary>The client programs a lesson step can run, by name. A lesson naming any other is an authoring error.</summary>
public static class EmulatedClients
{
    public static IReadOnlyList<IClientCommand> Create() => [new Kubectl.KubectlCommand(), new Curl.CurlCommand()];
}
