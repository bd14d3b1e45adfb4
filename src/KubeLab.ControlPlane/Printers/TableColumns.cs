using KubeLab.ControlPlane.Api.Meta;

namespace KubeLab.ControlPlane.Printers;

/// <summary>Columns several printers share, with the descriptions kube-apiserver sends for them.</summary>
public static class TableColumns
{
    public const string NameDescription = "Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names";

    public const string CreationTimestampDescription = "CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata";

    public static readonly TableColumnDefinition Name = new("Name", "string", "name", NameDescription, 0);

    public static readonly TableColumnDefinition Age = Column("Age", CreationTimestampDescription);

    public static readonly TableColumnDefinition Containers =
        Column("Containers", "Names of each container in the template.", priority: 1);

    public static readonly TableColumnDefinition Images =
        Column("Images", "Images referenced by each container in the template.", priority: 1);

    /// <summary>A column with no format, as most printer columns are.</summary>
    public static TableColumnDefinition Column(string name, string description, string type = "string", int priority = 0) =>
        new(name, type, "", description, priority);
}
