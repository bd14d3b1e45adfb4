using System.Text.Json.Nodes;

namespace KubeLab.Scenarios.Model;

/// <summary>What a step does. Text may hold <c>${name}</c> references that the runner substitutes.</summary>
public abstract record StepAction(SourcePosition At)
{
    /// <summary>The key that introduces the action in a step, e.g. <c>kubectl</c>.</summary>
    public abstract string Kind { get; }
}

/// <summary><c>kubectl ARGS</c> as the learner types it; <see cref="Arguments"/> are its words after shell quoting.</summary>
public sealed record KubectlAction(string CommandLine, IReadOnlyList<string> Arguments, SourcePosition At) : StepAction(At)
{
    public override string Kind => "kubectl";
}

/// <summary>A curl command line, starting with <c>curl</c>; <see cref="Arguments"/> are the words after it.</summary>
public sealed record CurlAction(string CommandLine, IReadOnlyList<string> Arguments, SourcePosition At) : StepAction(At)
{
    public override string Kind => "curl";
}

/// <summary>
/// A raw HTTP request, sent exactly as written plus Host and Content-Length: no credentials are
/// added, so the author writes the Authorization header the lesson is about.
/// </summary>
public sealed record HttpAction(string Method, string Path, IReadOnlyList<NamedValue> Headers, HttpBody? Body, SourcePosition At) : StepAction(At)
{
    public override string Kind => "http";
}

/// <summary>A request body: text as written, a YAML value sent as JSON, or the bytes of a file beside the lesson.</summary>
public abstract record HttpBody;
public sealed record TextBody(string Text) : HttpBody;
public sealed record JsonBody(JsonNode Value) : HttpBody;
public sealed record FileBody(string File) : HttpBody;

/// <summary>Creates or replaces objects as the cluster admin, through the API: a change made behind the learner's back.</summary>
public sealed record ApplyAction(Manifest Manifest, SourcePosition At) : StepAction(At)
{
    public override string Kind => "apply";
}

/// <summary>Moves the simulated clock forward (grace periods, token expiry, ages in tables).</summary>
public sealed record ClockAction(TimeSpan Advance, SourcePosition At) : StepAction(At)
{
    public override string Kind => "clock";
}

/// <summary>Lets the simulated clock run until an object check holds, failing the step after <see cref="Timeout"/>.</summary>
public sealed record WaitAction(ObjectCheck For, TimeSpan Timeout, SourcePosition At) : StepAction(At)
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    public override string Kind => "wait";
}

/// <summary>Edits the learner's kubeconfig as they would in an editor: switch context, fix a token, break a user name.</summary>
public sealed record KubeconfigAction(Kubeconfig Edit, SourcePosition At) : StepAction(At)
{
    public override string Kind => "kubeconfig";
}

/// <summary>Presses Ctrl-C in a background terminal; the step's checks see everything it printed and its exit code.</summary>
public sealed record StopAction(string Terminal, SourcePosition At) : StepAction(At)
{
    public override string Kind => "stop";
}
