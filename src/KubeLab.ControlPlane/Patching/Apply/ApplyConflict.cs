using KubeLab.ControlPlane.Api.Meta;
using KubeLab.ControlPlane.Errors;

namespace KubeLab.ControlPlane.Patching.Apply;

/// <summary>A field another manager owns that an apply would change.</summary>
internal sealed record ApplyConflict(ManagerEntry Owner, PathElement[] Path)
{
    public string Field => string.Concat(Path.Select(e => e.ToString()));

    /// <summary>The 409 the apiserver answers with (fieldmanager's NewConflictError).</summary>
    public static ApiException ToStatus(IReadOnlyList<ApplyConflict> conflicts)
    {
        var causes = conflicts.Select(c => new StatusCause
        {
            Reason = "FieldManagerConflict",
            Message = $"conflict with {c.Owner.Describe()}",
            Field = c.Field,
        }).ToList();
        return PatchErrors.ApplyConflict(Message(conflicts), causes);
    }

    private static string Message(IReadOnlyList<ApplyConflict> conflicts)
    {
        if (conflicts.Count == 1)
            return $"Apply failed with 1 conflict: conflict with {conflicts[0].Owner.Describe()}: {conflicts[0].Field}";
        var lines = new List<string>();
        foreach (var group in conflicts.GroupBy(c => c.Owner).OrderBy(g => g.Key.Manager, StringComparer.Ordinal))
        {
            lines.Add($"conflicts with {group.Key.Describe()}:");
            lines.AddRange(group.Select(c => $"- {c.Field}"));
        }
        return $"Apply failed with {conflicts.Count} conflicts: {string.Join("\n", lines)}";
    }
}
