namespace KubeLab.ControlPlane.Controllers.Kubelet.Shell;

/// <summary>A shell's variables, last status and clock.</summary>
internal sealed class ShellState(Dictionary<string, string> variables, Func<DateTimeOffset> now, string hostname)
{
    public Dictionary<string, string> Variables { get; } = variables;
    public Func<DateTimeOffset> Now { get; } = now;
    public string Hostname { get; } = hostname;
    public int Status { get; set; }
    public bool Exited { get; set; }
    public bool Breaking { get; set; }

    public string Lookup(string name) => name switch
    {
        "?" => Status.ToString(),
        "$" => "1",
        "#" => "0",
        _ => Variables.GetValueOrDefault(name, ""),
    };

    public ShellState Child() => new(new Dictionary<string, string>(Variables), Now, Hostname);
}
