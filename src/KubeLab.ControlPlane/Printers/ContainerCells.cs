using KubeLab.ControlPlane.Api.Core;

namespace KubeLab.ControlPlane.Printers;

/// <summary>The CONTAINERS and IMAGES cells of workload printers: names and images joined with commas.</summary>
internal static class ContainerCells
{
    public static (string Names, string Images) Of(List<Container>? containers) =>
        (string.Join(",", (containers ?? []).Select(c => c.Name)),
         string.Join(",", (containers ?? []).Select(c => c.Image ?? "")));
}
