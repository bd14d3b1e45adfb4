using KubeLab.Scenarios.Loading;

namespace KubeLab.Scenarios.Tests.Loading;

/// <summary>
/// The malformed-lesson corpus: one file per error kind in Malformed/, each with every error the
/// loader reports for it, exactly as an author sees them: <c>(line,col): message</c>.
/// </summary>
public class MalformedLessonTests
{
    [TestCase("alias-bomb", "(11,12): aliases expand to more than 100,000 YAML nodes: refusing an alias bomb")]
    [TestCase("bad-client-certificate", "(12,47): no cluster user 'jnae' has 'certificate: true' — did you mean 'jane'?")]
    [TestCase("bad-duration", "(9,23): 'advance' must be a positive duration such as 30s, 5m or 1h30m, not '30'")]
    [TestCase("bad-level", "(4,8): level 'beginer' is not one of beginner, intermediate, advanced — did you mean 'beginner'?")]
    [TestCase("bad-path", "(11,48): path '.status.phase': write paths without jsonpath's '.': e.g. 'status.phase'")]
    [TestCase("bad-regex", "(11,26): 'matches' is not a valid regular expression: Invalid pattern 'nginx\\s+(Running' at offset 16. Not enough )'s.")]
    [TestCase("capture-same-step", "(11,81): '${rv}' is captured by this step: it can be used from the next step on")]
    [TestCase("check-not-applicable", "(11,7): 'exit' applies to kubectl and curl steps (and stop), not to clock")]
    [TestCase("curl-not-curl", "(9,11): a curl command starts with 'curl', not 'crul'")]
    [TestCase("curl-without-proxy", "(9,16): nothing listens on 127.0.0.1:8001: start 'kubectl proxy' in a background step first")]
    [TestCase("deep-nesting", "(13,76): nesting deeper than 64 levels: a lesson never needs that much")]
    [TestCase("duplicate-key", "(9,5): duplicate key 'title' (first at line 7): only the first is read")]
    [TestCase("empty-value", "(7,5): 'title' is empty: give it a value or remove it")]
    [TestCase("id-mismatch", "(1,5): id 'pods-on-the-wire' differs from the file name 'id-mismatch.yaml': they must be equal, so the lesson can be run by its id")]
    [TestCase("kubectl-attach", "(9,14): 'kubectl attach' attaches to a running container's terminal, and KubeLab simulates the API, not containers: it cannot be part of a lesson (show the pod with 'get' or 'describe', or its output with 'logs')")]
    [TestCase("kubectl-cp", "(9,14): 'kubectl cp' copies files through a shell inside a container, and KubeLab simulates the API, not containers: it cannot be part of a lesson (show the pod with 'get' or 'describe', or its output with 'logs')")]
    [TestCase("kubectl-exec", "(9,14): 'kubectl exec' runs a command inside a container, and KubeLab simulates the API, not containers: it cannot be part of a lesson (show the pod with 'get' or 'describe', or its output with 'logs')")]
    [TestCase("kubectl-group-alone", "(9,21): 'rollout' needs one of: history, pause, resume, undo, status, restart")]
    [TestCase("kubectl-help", "(9,23): kubectl's help text is not simulated: show the command itself")]
    [TestCase("kubectl-kustomize", "(9,20): '-k' is not simulated: KubeLab has no kustomize: give the manifests with -f")]
    [TestCase("kubectl-port-forward", "(9,14): 'kubectl port-forward' forwards a local port to a container's port, and KubeLab simulates the API, not containers: it cannot be part of a lesson (show the pod with 'get' or 'describe', or its output with 'logs')")]
    [TestCase("kubectl-unsimulated-flag", "(9,40): '-i' is not simulated: a lesson has no terminal to attach", "(9,40): '-t' is not simulated: a lesson has no terminal to attach")]
    [TestCase("kubectl-prefix", "(9,14): write only the arguments: the key 'kubectl' already names the program")]
    [TestCase("missing-key", "(1,1): a lesson is missing 'summary'")]
    [TestCase("missing-learner-file", "(15,24): file 'ngnix.yaml' is neither in 'files' nor beside the lesson — did you mean 'nginx.yaml'?")]
    [TestCase("missing-side-file", "(8,13): file 'stuck/blocker-configmap.yaml' not found beside the lesson")]
    [TestCase("namespace-with-kubeconfig", "(7,14): 'namespace' sets the default context's namespace, and there is none with 'kubeconfig': set 'namespace' on its contexts")]
    [TestCase("narration-html", "(11,7): raw HTML in 'narration' is not rendered: write Markdown instead")]
    [TestCase("narration-link", "(10,7): link 'javascript:alert(1)' in 'narration' must be http or https")]
    [TestCase("no-action", "(7,5): step 1 has no action: give exactly one of kubectl, curl, http, apply, clock, wait, kubeconfig, stop")]
    [TestCase("path-outside-lesson", "(12,17): file '../../secrets.json' is outside the lesson's folder")]
    [TestCase("proxy-not-background", "(9,14): kubectl proxy runs until stopped: give this step 'background: NAME' and stop it later with 'stop: NAME'")]
    [TestCase("several-errors",
        "(4,8): level 'expert' is not one of beginner, intermediate, advanced",
        "(12,7): unknown key 'respones' in 'expect' — did you mean 'response'?",
        "(20,56): undefined variable '${version}' (defined here: ${server}, ${rv}; a capture can be used from the step after it)")]
    [TestCase("side-file-error", "side/broken-configmap.yaml (4,3): the object's metadata is missing 'name'")]
    [TestCase("shell-operator", "(9,31): shell operator '|' is not supported: a step runs one command (quote it if it is part of a word)")]
    [TestCase("shell-variable", "(9,46): '$TOKEN' is a shell variable, which lessons do not have: use a capture or built-in as ${name} (e.g. ${server})")]
    [TestCase("stop-unknown", "(13,11): no background command 'wacth' is running — did you mean 'watch'? (running: watch)")]
    [TestCase("two-actions", "(10,5): step 1 has a second action 'curl' after 'kubectl': one action per step, so split it in two")]
    [TestCase("two-documents", "(11,1): a lesson is one YAML document: remove the '---' before this line and what follows, or move it to its own file")]
    [TestCase("unclosed-quote", "(9,35): the quote (') is not closed")]
    [TestCase("undefined-variable", "(14,50): undefined variable '${rvv}' — did you mean '${rv}'?")]
    [TestCase("unknown-action", "(9,5): unknown action 'kubeclt' — did you mean 'kubectl'? (an action is one of kubectl, curl, http, apply, clock, wait, kubeconfig, stop)")]
    [TestCase("unknown-anchor", "(9,14): alias '*command' refers to no anchor '&command' before it")]
    [TestCase("unknown-curl-option", "(9,16): unknown curl option '--heder' — did you mean '--header'?")]
    [TestCase("unknown-key", "(8,5): unknown key 'narraton' in step 1 — did you mean 'narration'?")]
    [TestCase("unknown-kind", "(9,13): v1 has no kind 'Pood' — did you mean 'Pod'?")]
    [TestCase("unknown-kubectl-command", "(9,14): unknown command 'gett' — did you mean 'get'?")]
    [TestCase("unknown-kubectl-subcommand", "(9,21): unknown 'create' subcommand 'namspace' — did you mean 'namespace'?")]
    [TestCase("unknown-rollout-subcommand", "(9,22): unknown 'rollout' subcommand 'foo' ('rollout' subcommands: history, pause, resume, undo, status, restart)")]
    [TestCase("unknown-resource", "(11,22): unknown resource 'pdos' — did you mean 'pods'?")]
    [TestCase("unsimulated-kubectl-command", "(9,14): 'kubectl top' is not simulated (the emulated kubectl has: get, create, delete, apply, run, label, annotate, patch, scale, replace, version, api-versions, api-resources, auth, config, logs, describe, proxy, explain, wait, rollout, set, edit)")]
    [TestCase("unsimulated-kubectl-subcommand", "(9,21): 'config get-contexts' is not simulated (the emulated 'config' has: view, use-context, set-context, set-credentials, current-context)")]
    [TestCase("wrong-type", "(5,10): 'minutes' must be a whole number, not 'ten'")]
    [TestCase("yaml-syntax", "(9,25): YAML syntax: while scanning a plain scalar value, found invalid mapping (a value that contains ': ' must be quoted)")]
    [TestCase("yaml-tag", "(5,10): YAML tags ('!!int') are not used in lessons: quote the value to make it text")]
    public void ReportsEachErrorWithItsPosition(string name, params string[] expected)
    {
        var file = Path.Combine(RepositoryPaths.Malformed, name + ".yaml");
        var result = ScenarioLoader.LoadFile(file);
        Assert.Multiple(() =>
        {
            Assert.That(result.Scenario, Is.Null);
            // Errors in the lesson show as (line,col): message; errors in a side file name it first.
            Assert.That(result.Errors.Select(e => (e.File == file ? "" : Path.GetRelativePath(RepositoryPaths.Malformed, e.File) + " ") + $"{e.At}: {e.Message}"),
                Is.EqualTo(expected));
        });
    }

    /// <summary>A corpus file without a case above would prove nothing; a case without its file fails above.</summary>
    [Test]
    public void EveryCorpusFileHasACase()
    {
        var cases = typeof(MalformedLessonTests).GetMethod(nameof(ReportsEachErrorWithItsPosition))!
            .GetCustomAttributes(typeof(TestCaseAttribute), false).Cast<TestCaseAttribute>()
            .Select(c => (string)c.Arguments[0]!).ToHashSet();
        var files = Directory.EnumerateFiles(RepositoryPaths.Malformed, "*.yaml").Select(Path.GetFileNameWithoutExtension);
        Assert.That(files, Is.EquivalentTo(cases));
    }
}
