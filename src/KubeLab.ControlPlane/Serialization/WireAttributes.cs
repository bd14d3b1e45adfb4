namespace KubeLab.ControlPlane.Serialization;

/// <summary>
/// Marks a field that Go serializes without <c>omitempty</c>: it is written even when null or empty
/// (a nil slice or zero time becomes <c>null</c>, as encoding/json does).
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class EmitEmptyAttribute : Attribute;

/// <summary>The protobuf field number of a property in k8s.io/api's generated.proto.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ProtoAttribute(int field) : Attribute
{
    public int Field { get; } = field;
}

/// <summary>
/// Strategic-merge-patch metadata of a list field (Go's <c>patchStrategy</c>/<c>patchMergeKey</c> tags).
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class PatchMergeKeyAttribute(string key) : Attribute
{
    public string Key { get; } = key;
    /// <summary><c>merge</c> (the default when a key is given) or <c>retainKeys,merge</c>.</summary>
    public string Strategy { get; init; } = "merge";
}

/// <summary>Timestamps written with microseconds, as metav1.MicroTime.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class MicroTimeAttribute : Attribute;
