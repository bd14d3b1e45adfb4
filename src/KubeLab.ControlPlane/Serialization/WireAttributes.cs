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

    /// <summary>
    /// The Go field is a pointer (<c>*int32</c>, <c>*bool</c>, <c>*string</c>): a zero value that is present on
    /// the wire is a real value (<c>automountServiceAccountToken: false</c>), not an unset one.
    /// </summary>
    public bool Pointer { get; init; }

    /// <summary>
    /// The upstream message of the value (or of the elements), where the C# type does not say it:
    /// free-form JSON properties, and C# types shared by several messages.
    /// </summary>
    public string? Message { get; init; }
}

/// <summary>
/// The field number of a property of a C# type shared by several upstream messages, inside one of them
/// whose numbering differs (ReplicaSetCondition.lastTransitionTime is 3, DeploymentCondition's is 7).
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = true)]
public sealed class ProtoInAttribute(string message, int field) : Attribute
{
    public string Message { get; } = message;
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

/// <summary>
/// Go's <c>patchStrategy</c> tag on a field without a merge key: <c>merge</c> on a list of primitives
/// (metadata.finalizers) makes strategic merge patch treat it as a set.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class PatchStrategyAttribute(string strategy) : Attribute
{
    public string Strategy { get; } = strategy;
}

/// <summary>Timestamps written with microseconds, as metav1.MicroTime.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class MicroTimeAttribute : Attribute;
