using System.Net.Http.Headers;
using System.Text;
using KubeLab.Scenarios.Clients;
using KubeLab.Scenarios.Model;

namespace KubeLab.Scenarios.Running;

internal sealed partial class StepExecutor
{
    /// <summary>A lesson step that never finishes is a broken lesson, not a hung run.</summary>
    internal static readonly TimeSpan CommandLimit = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Whether <paramref name="task"/> ends before <paramref name="limit"/> of real time passes (or the token is
    /// cancelled). The limit's timer is removed as soon as the task ends: a bare Task.Delay would stay scheduled for
    /// the whole limit after every command, a timer per command typed on the site for a minute.
    /// </summary>
    internal static async Task<bool> EndsWithinAsync(Task task, TimeSpan limit, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var first = await Task.WhenAny(task, Task.Delay(limit, timeout.Token));
        await timeout.CancelAsync();
        return first == task;
    }

    private async Task<int?> ExecuteAsync(Step step, CommandOutput output, CancellationToken cancellationToken)
    {
        switch (step.Action)
        {
            case KubectlAction or CurlAction:
                return await RunCommandAsync(step, output, cancellationToken);
            case HttpAction http:
                await SendAsync(http, cancellationToken);
                return null;
            case ApplyAction apply:
                foreach (var obj in apply.Manifest.Objects) await admin.CreateOrReplaceAsync(obj, CurrentNamespace(environment));
                return null;
            case ClockAction clock:
                await time.AdvanceAsync(clock.Advance, cancellationToken);
                return null;
            case WaitAction wait:
                await WaitAsync(wait, cancellationToken);
                return null;
            case KubeconfigAction edit:
                environment.Kubeconfig = KubeconfigEdit.Apply(environment.Kubeconfig, edit.Edit);
                return null;
            case StopAction stop:
                return await StopAsync(stop.Terminal, output);
            default:
                throw new StepFailure($"this runner cannot do a '{step.Action.Kind}' step");
        }
    }

    private async Task<int?> RunCommandAsync(Step step, CommandOutput output, CancellationToken cancellationToken)
    {
        var (program, arguments) = step.Action switch
        {
            KubectlAction k => ("kubectl", k.Arguments),
            CurlAction c => ("curl", c.Arguments),
            _ => throw new InvalidOperationException(),
        };
        if (!clients.TryGetValue(program, out var client))
            throw new StepFailure($"{program} is not available to this lesson runner");
        var args = arguments.Select(Substitute).ToList();
        foreach (var variable in step.Env) environment.Variables[variable.Name] = Substitute(variable.Value);
        if (step.Background is { } terminal)
        {
            var stop = new CancellationTokenSource();
            var running = client.RunAsync(args, environment, output, stop.Token);
            var command = new BackgroundCommand(terminal, output, running, stop);
            environment.Background[terminal] = command;
            await UntilWaitingAsync(command, cancellationToken);
            return null;
        }
        var task = client.RunAsync(args, environment, output, cancellationToken);
        if (!await EndsWithinAsync(task, CommandLimit, cancellationToken))
            throw new StepFailure($"'{program} {string.Join(' ', args)}' did not finish");
        return await task;
    }

    private async Task<int?> StopAsync(string terminal, CommandOutput output)
    {
        if (!environment.Background.Remove(terminal, out var running))
            throw new StepFailure($"no terminal named '{terminal}' is running");
        await UntilWaitingAsync(running, CancellationToken.None);
        await running.Stop.CancelAsync();
        var exit = await EndsWithinAsync(running.Completion, CommandLimit, CancellationToken.None) ? await running.Completion : (int?)null;
        output.Out(running.Output.Stdout.ToString());
        output.Error(running.Output.Stderr.ToString());
        return exit;
    }

    /// <summary>
    /// Lets a background command run until it ends or waits on the cluster with everything sent to it taken
    /// (its list printed, its watch open, the events so far read): then what it has printed is what it would have
    /// printed in a terminal by now, whatever the machine's speed. Time is real here, but only as a safety net.
    /// </summary>
    internal async Task UntilWaitingAsync(BackgroundCommand command, CancellationToken cancellationToken)
    {
        var backlog = environment.Cluster.Api.Backlog;
        var limit = DateTime.UtcNow + CommandLimit;
        while (true)
        {
            await time.SettleAsync(cancellationToken);
            if (command.Completion.IsCompleted || (command.Output.IsWaiting && backlog.IsClear)) return;
            if (DateTime.UtcNow > limit) throw new StepFailure($"the '{command.Name}' terminal neither ended nor came to wait within {CommandLimit.TotalSeconds:0}s");
            await Task.Delay(1, cancellationToken);
        }
    }

    /// <summary>
    /// A raw request, as the learner's current kubeconfig user (token or client certificate); an Authorization header
    /// the author wrote replaces the kubeconfig's token rather than being sent beside it.
    /// </summary>
    private async Task SendAsync(HttpAction http, CancellationToken cancellationToken)
    {
        var config = environment.Kubeconfig;
        var user = config.Users.FirstOrDefault(u => u.Name == config.Contexts.FirstOrDefault(c => c.Name == config.CurrentContext)?.User);
        var certificate = user?.ClientCertificate is { } owner ? environment.Certificates.GetValueOrDefault(owner) : null;
        using var client = new HttpClient(environment.Connect(certificate)) { BaseAddress = new Uri(environment.Server) };
        using var request = new HttpRequestMessage(new HttpMethod(http.Method), Substitute(http.Path));
        var ownAuthorization = http.Headers.Any(h => h.Name.Equals("Authorization", StringComparison.OrdinalIgnoreCase));
        if (user?.Token is { } token && !ownAuthorization) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var body = http.Body switch
        {
            TextBody text => Substitute(text.Text),
            JsonBody json => Substitute(json.Value.ToJsonString()),
            FileBody file => environment.Files.GetValueOrDefault(file.File) ?? throw new StepFailure($"no file '{file.File}'"),
            _ => null,
        };
        if (body is not null) request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        foreach (var header in http.Headers)
            if (!request.Headers.TryAddWithoutValidation(header.Name, Substitute(header.Value)))
                request.Content?.Headers.TryAddWithoutValidation(header.Name, Substitute(header.Value));
        using var response = await client.SendAsync(request, cancellationToken);
        await response.Content.ReadAsByteArrayAsync(cancellationToken);
    }

    private async Task WaitAsync(WaitAction wait, CancellationToken cancellationToken)
    {
        var target = Substitute(wait.For);
        for (var waited = TimeSpan.Zero; ; waited += LessonTime.Tick)
        {
            await time.SettleAsync(cancellationToken);
            var (exists, json) = _objects.Read(target.Ref);
            if (ValueMatcher.Json(target.Value, json, exists) is null) return;
            if (waited >= wait.Timeout)
                throw new StepFailure($"{target.Ref} did not reach '{ValueMatcher.Describe(target.Value)}' within {wait.Timeout.TotalSeconds:0}s");
            await time.StepAsync(cancellationToken);
        }
    }

    /// <summary>A value as a shell user would type it: as it is when that is safe, else in single quotes.</summary>
    private static string ShellWord(string value) =>
        value.Length > 0 && value.All(c => char.IsAsciiLetterOrDigit(c) || "_-./:@%+=,".Contains(c)) ? value : "'" + value.Replace("'", "'\\''") + "'";

    private static string Describe(StepAction action) => action switch
    {
        KubectlAction k => "kubectl " + k.CommandLine,
        CurlAction c => c.CommandLine,
        HttpAction h => $"{h.Method} {h.Path}",
        ApplyAction a => $"(the cluster admin applies {a.Manifest.Objects.Count} object{(a.Manifest.Objects.Count == 1 ? "" : "s")})",
        ClockAction c => $"(time passes: {c.Advance})",
        WaitAction w => $"(wait until {w.For.Ref} {ValueMatcher.Describe(w.For.Value)})",
        KubeconfigAction => "(the kubeconfig is edited)",
        StopAction s => $"(stop the '{s.Terminal}' terminal)",
        _ => action.Kind,
    };
}
