using KubeLab.Scenarios.Model;

namespace KubeLab.Scenarios.Running;

/// <summary>A kubeconfig edit: contexts and users replace or add the entries of the same name; a current context replaces it.</summary>
internal static class KubeconfigEdit
{
    public static Kubeconfig Apply(Kubeconfig config, Kubeconfig edit) => new(
        edit.CurrentContext ?? config.CurrentContext,
        Merge(config.Contexts, edit.Contexts, c => c.Name),
        Merge(config.Users, edit.Users, u => u.Name));

    private static List<T> Merge<T>(IReadOnlyList<T> current, IReadOnlyList<T> changes, Func<T, string> name) =>
        current.Where(c => changes.All(n => name(n) != name(c))).Concat(changes).ToList();
}
