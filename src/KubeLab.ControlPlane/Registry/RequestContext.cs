using KubeLab.ControlPlane.Pipeline;

namespace KubeLab.ControlPlane.Registry;

/// <summary>Per-request facts the registry needs: who asks, what to record, whether to persist.</summary>
public sealed record RequestContext(UserInfo User, RequestTrace Trace)
{
    public bool DryRun { get; init; }
    public string? FieldManager { get; init; }

    public static RequestContext System(string user = "system:apiserver") =>
        new(new UserInfo(user, ["system:masters"]), new RequestTrace());
}
