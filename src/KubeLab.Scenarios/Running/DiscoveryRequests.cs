namespace KubeLab.Scenarios.Running;

/// <summary>
/// Which requests are a client finding its way (discovery and OpenAPI) rather than what the step is about:
/// checks look past them to the main exchange, and a player folds them.
/// </summary>
public static class DiscoveryRequests
{
    public static bool IsDiscovery(string path) =>
        path is "/api" or "/apis" || path.StartsWith("/openapi/", StringComparison.Ordinal) || path == "/openapi"
        || (path.StartsWith("/api/", StringComparison.Ordinal) && path.Count(c => c == '/') == 2)
        || (path.StartsWith("/apis/", StringComparison.Ordinal) && path.Count(c => c == '/') <= 3);
}
