namespace KubeLab.Scenarios.Loading;

/// <summary>Every mapping of the lesson format and its keys; the one list the loader and the schema test share.</summary>
internal static class LessonShapes
{
    /// <summary>The actions of a step, of which it has exactly one.</summary>
    public static readonly string[] Actions = ["kubectl", "curl", "http", "apply", "clock", "wait", "kubeconfig", "stop"];

    public static readonly Shape ClusterUser = new("clusterUser", ["name"], ["groups", "token", "certificate"]);
    public static readonly Shape KubeconfigContext = new("kubeconfigContext", ["name", "user"], ["namespace"]);
    public static readonly Shape KubeconfigUser = new("kubeconfigUser", ["name"], ["token", "client-certificate"]);
    public static readonly Shape Kubeconfig = new("kubeconfig", [], ["current-context", "contexts", "users"]);
    public static readonly Shape Cluster = new("cluster", [], ["namespace", "objects", "users", "kubeconfig"]);
    public static readonly Shape ManifestFile = new("manifestFile", ["file"], []);

    public static readonly Shape Http = new("http", ["method", "path"], ["headers", "body", "bodyFile"]);
    public static readonly Shape Clock = new("clock", ["advance"], []);
    public static readonly Shape Wait = new("wait", ["for"], ["timeout"]);

    public static readonly Shape TextCheck = new("textCheck", [], ["equals", "contains", "matches"]);
    public static readonly Shape BodyCheck = new("bodyCheck", [], ["path", "equals", "contains", "matches", "exists"]);
    public static readonly Shape ObjectCheck = new("objectCheck", ["ref"], ["namespace", "path", "equals", "contains", "matches", "exists"]);
    public static readonly Shape ResponseCheck = new("responseCheck", [], ["nth", "request", "status", "headers", "body"]);
    public static readonly Shape Expect = new("expect", [], ["exit", "stdout", "stderr", "response", "requests", "object"]);
    public static readonly Shape Capture = new("capture", ["from"], ["path", "ref", "namespace", "nth", "request", "header", "matches"]);

    public static readonly Shape Step = new("step", ["title", "narration"],
        [.. Actions, "env", "background", "expect", "capture", "hint"], [Expect]);

    public static readonly Shape Lesson = new("lesson", ["id", "title", "summary", "level", "minutes", "steps"],
        ["tags", "files", "cluster"], [Cluster]);

    public static readonly IReadOnlyList<Shape> All =
    [
        Lesson, Cluster, ClusterUser, Kubeconfig, KubeconfigContext, KubeconfigUser, ManifestFile, Step, Http, Clock, Wait,
        Expect, TextCheck, BodyCheck, ObjectCheck, ResponseCheck, Capture,
    ];
}
