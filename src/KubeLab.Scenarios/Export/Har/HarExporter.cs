using System.Text;
using KubeLab.Scenarios.Http;

namespace KubeLab.Scenarios.Export.Har;

/// <summary>
/// Exchanges as one HTTP Archive (HAR 1.2) that browser devtools and HAR viewers import, one entry per
/// exchange (<see cref="HarEntry"/>). Timings come from the simulated clock, so a lesson exports the same
/// bytes on every run.
/// </summary>
public static class HarExporter
{
    /// <param name="exchanges">The exchanges, in the order they started.</param>
    /// <param name="baseUrl">Scheme and authority the requests were sent to (the kubeconfig's server).</param>
    public static string Export(IEnumerable<WireExchange> exchanges, string baseUrl = "https://127.0.0.1:6443")
    {
        using var archive = new MemoryStream();
        var writer = new HarLogWriter(archive, baseUrl);
        foreach (var exchange in exchanges) writer.Add(exchange);
        return Encoding.UTF8.GetString(archive.ToArray());
    }
}
