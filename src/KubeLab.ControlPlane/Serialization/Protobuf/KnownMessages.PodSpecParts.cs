namespace KubeLab.ControlPlane.Serialization.Protobuf;

internal static partial class KnownMessages
{
    /// <summary>Small pod and service spec structures.</summary>
    private static ProtoMessage[] PodSpecParts() =>
    [
        Message("HostAlias",
            Str(1, "ip", keep: true),
            Strs(2, "hostnames")),
        Message("PodReadinessGate",
            Str(1, "conditionType", keep: true)),
        Message("PodSchedulingGate",
            Str(1, "name", keep: true)),
        Message("PodOS",
            Str(1, "name", keep: true)),
        Message("VolumeDevice",
            Str(1, "name", keep: true),
            Str(2, "devicePath", keep: true)),
        Message("ContainerResizePolicy",
            Str(1, "resourceName", keep: true),
            Str(2, "restartPolicy", keep: true)),
        Message("SessionAffinityConfig",
            Msg(1, "clientIP", "ClientIPConfig")),
        Message("ClientIPConfig",
            I32(1, "timeoutSeconds", keep: true)),
    ];
}
