using KubeLab.ControlPlane.Serialization;

namespace KubeLab.ControlPlane.Api.Meta;

public sealed class DeleteOptions
{
    public string? Kind { get; set; }
    public string? ApiVersion { get; set; }
    [Proto(1, Pointer = true)] public long? GracePeriodSeconds { get; set; }
    [Proto(2)] public Preconditions? Preconditions { get; set; }
    [Proto(3, Pointer = true)] public bool? OrphanDependents { get; set; }
    [Proto(4, Pointer = true)] public string? PropagationPolicy { get; set; }
    [Proto(5)] public List<string>? DryRun { get; set; }
    [Proto(6, Pointer = true)] public bool? IgnoreStoreReadErrorWithClusterBreakingPotential { get; set; }
}

public sealed class Preconditions
{
    [Proto(1, Pointer = true)] public string? Uid { get; set; }
    [Proto(2, Pointer = true)] public string? ResourceVersion { get; set; }
}
