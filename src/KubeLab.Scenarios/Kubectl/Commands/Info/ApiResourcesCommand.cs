using System.Text;
using KubeLab.Scenarios.Kubectl.Flags;
using KubeLab.Scenarios.Kubectl.Output;
using KubeLab.Scenarios.Kubectl.Resources;

namespace KubeLab.Scenarios.Kubectl.Commands.Info;

/// <summary>
/// <c>kubectl api-resources</c>: the preferred version of every resource (subresources left out), sorted by group then
/// name, after discovery fetched again (unless <c>--cached</c>).
/// </summary>
internal sealed class ApiResourcesCommand : CommandDefinition
{
    public override string Name => "api-resources";

    public override void AddFlags(FlagSet flags) =>
        flags.String("api-group").Bool("cached").Slice("categories").Bool("namespaced", value: true).Bool("no-headers")
            .String("output", 'o').String("sort-by").Slice("verbs");

    public override async Task<int> RunAsync(Invocation invocation)
    {
        var flags = invocation.Flags;
        var output = flags.String("output");
        if (output is not ("" or "wide" or "name")) throw KubectlException.Client($"--output {output} is not available");
        var sortBy = flags.String("sort-by");
        if (sortBy is not ("" or "name" or "kind")) throw KubectlException.Client($"--sort-by accepts only name or kind");
        var catalog = flags.Bool("cached") ? await invocation.Discovery.LoadAsync(invocation.Cancellation) : await invocation.Discovery.RefreshAsync(invocation.Cancellation);
        IEnumerable<ApiResource> resources = catalog.Resources.Where(r => r.Preferred && !r.Plural.Contains('/'));
        if (flags.Changed("api-group")) resources = resources.Where(r => r.Group == flags.String("api-group"));
        if (flags.Changed("namespaced")) resources = resources.Where(r => r.Namespaced == flags.Bool("namespaced"));
        foreach (var verb in flags.Strings("verbs")) resources = resources.Where(r => r.Verbs.Contains(verb));
        foreach (var category in flags.Strings("categories")) resources = resources.Where(r => r.Categories.Contains(category));
        var sorted = resources.OrderBy(r => sortBy switch { "name" => r.Plural, "kind" => r.Kind, _ => r.Group }, StringComparer.Ordinal)
            .ThenBy(r => r.Plural, StringComparer.Ordinal).ToList();

        var text = new StringBuilder();
        var writer = new TabWriter(text);
        if (output != "name" && !flags.Bool("no-headers"))
            writer.Write(output == "wide" ? "NAME\tSHORTNAMES\tAPIVERSION\tNAMESPACED\tKIND\tVERBS\tCATEGORIES\n" : "NAME\tSHORTNAMES\tAPIVERSION\tNAMESPACED\tKIND\n");
        foreach (var r in sorted)
        {
            var row = $"{r.Plural}\t{string.Join(',', r.ShortNames)}\t{r.GroupVersion}\t{(r.Namespaced ? "true" : "false")}\t{r.Kind}";
            writer.Write(output switch
            {
                "name" => (r.Group.Length == 0 ? r.Plural : $"{r.Plural}.{r.Group}") + "\n",
                "wide" => $"{row}\t{string.Join(',', r.Verbs)}\t{string.Join(',', r.Categories)}\n",
                _ => row + "\n",
            });
        }
        writer.Flush();
        invocation.Out(text.ToString());
        return 0;
    }
}
