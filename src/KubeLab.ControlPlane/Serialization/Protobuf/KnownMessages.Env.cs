namespace KubeLab.ControlPlane.Serialization.Protobuf;

internal static partial class KnownMessages
{
    /// <summary>Environment variable sources (valueFrom, envFrom).</summary>
    private static ProtoMessage[] Env() =>
    [
        Message("EnvVarSource",
            Msg(1, "fieldRef", "ObjectFieldSelector"),
            Msg(2, "resourceFieldRef", "ResourceFieldSelector"),
            Msg(3, "configMapKeyRef", "ConfigMapKeySelector"),
            Msg(4, "secretKeyRef", "SecretKeySelector")),
        Message("ObjectFieldSelector",
            Str(1, "apiVersion"),
            Str(2, "fieldPath", keep: true)),
        Message("ResourceFieldSelector",
            Str(1, "containerName"),
            Str(2, "resource", keep: true),
            Qty(3, "divisor")),
        Message("ConfigMapKeySelector",
            Inline(1, "LocalObjectReference"),
            Str(2, "key", keep: true),
            Bool(3, "optional", keep: true)),
        Message("SecretKeySelector",
            Inline(1, "LocalObjectReference"),
            Str(2, "key", keep: true),
            Bool(3, "optional", keep: true)),
        Message("EnvFromSource",
            Str(1, "prefix"),
            Msg(2, "configMapRef", "ConfigMapEnvSource"),
            Msg(3, "secretRef", "SecretEnvSource")),
        Message("ConfigMapEnvSource",
            Inline(1, "LocalObjectReference"),
            Bool(2, "optional", keep: true)),
        Message("SecretEnvSource",
            Inline(1, "LocalObjectReference"),
            Bool(2, "optional", keep: true)),
    ];
}
