using KubeLab.ControlPlane.Api.Meta;
using KubeLab.ControlPlane.Serialization;

namespace KubeLab.ControlPlane.Api.Rbac;

/// <summary>rbac.authorization.k8s.io/v1 Role: rules that apply within one namespace.</summary>
public sealed class Role : KubeObject
{
    [Proto(2), EmitEmpty] public List<PolicyRule>? Rules { get; set; }
}

/// <summary>A cluster-wide set of rules; with an aggregationRule its rules are filled in by the aggregation controller.</summary>
public sealed class ClusterRole : KubeObject
{
    [Proto(2), EmitEmpty] public List<PolicyRule>? Rules { get; set; }
    [Proto(3)] public AggregationRule? AggregationRule { get; set; }
}

public sealed class PolicyRule
{
    [Proto(1), EmitEmpty] public List<string>? Verbs { get; set; }
    [Proto(2)] public List<string>? ApiGroups { get; set; }
    [Proto(3)] public List<string>? Resources { get; set; }
    [Proto(4)] public List<string>? ResourceNames { get; set; }
    [Proto(5)] public List<string>? NonResourceURLs { get; set; }
}

public sealed class AggregationRule
{
    [Proto(1)] public List<LabelSelector>? ClusterRoleSelectors { get; set; }
}
