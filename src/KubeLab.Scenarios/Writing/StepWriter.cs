using KubeLab.Scenarios.Model;

namespace KubeLab.Scenarios.Writing;

/// <summary>Writes one step: its prose, its action, then its checks and captures.</summary>
internal static class StepWriter
{
    public static void Write(YamlOutput yaml, Step step)
    {
        yaml.BeginMap();
        yaml.Field("title", step.Title);
        yaml.Field("narration", step.Narration);
        if (step.Env.Count > 0)
        {
            yaml.Key("env");
            yaml.BeginMap();
            foreach (var variable in step.Env) yaml.Field(variable.Name, variable.Value);
            yaml.EndMap();
        }
        yaml.Field("background", step.Background);
        yaml.Key(step.Action.Kind);
        Action(yaml, step.Action);
        if (!step.Expect.IsEmpty) { yaml.Key("expect"); CheckWriter.Expectation(yaml, step.Expect); }
        if (step.Captures.Count > 0)
        {
            yaml.Key("capture");
            yaml.BeginMap();
            foreach (var capture in step.Captures) { yaml.Key(capture.Name); CheckWriter.Capture(yaml, capture); }
            yaml.EndMap();
        }
        yaml.Field("hint", step.Hint);
        yaml.EndMap();
    }

    private static void Action(YamlOutput yaml, StepAction action)
    {
        switch (action)
        {
            case KubectlAction kubectl: yaml.Text(kubectl.CommandLine); break;
            case CurlAction curl: yaml.Text(curl.CommandLine); break;
            case StopAction stop: yaml.Text(stop.Terminal); break;
            case ApplyAction apply: ScenarioWriter.Manifest(yaml, apply.Manifest); break;
            case KubeconfigAction edit: ScenarioWriter.Kubeconfig(yaml, edit.Edit); break;
            case ClockAction clock:
                yaml.BeginMap();
                yaml.Field("advance", GoDuration.Format(clock.Advance));
                yaml.EndMap();
                break;
            case WaitAction wait:
                yaml.BeginMap();
                yaml.Key("for");
                CheckWriter.Object(yaml, wait.For);
                if (wait.Timeout != WaitAction.DefaultTimeout) yaml.Field("timeout", GoDuration.Format(wait.Timeout));
                yaml.EndMap();
                break;
            case HttpAction http:
                Http(yaml, http);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(action), action.Kind, "no writer for this action");
        }
    }

    private static void Http(YamlOutput yaml, HttpAction http)
    {
        yaml.BeginMap();
        yaml.Field("method", http.Method);
        yaml.Field("path", http.Path);
        if (http.Headers.Count > 0)
        {
            yaml.Key("headers");
            yaml.BeginMap();
            foreach (var header in http.Headers) yaml.Field(header.Name, header.Value);
            yaml.EndMap();
        }
        switch (http.Body)
        {
            case TextBody text: yaml.Field("body", text.Text); break;
            case JsonBody json: yaml.Key("body"); yaml.Json(json.Value); break;
            case FileBody file: yaml.Field("bodyFile", file.File); break;
        }
        yaml.EndMap();
    }
}
