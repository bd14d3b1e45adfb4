using KubeLab.ControlPlane.Api.Core;
using KubeLab.ControlPlane.Errors;
using KubeLab.ControlPlane.Validation;

namespace KubeLab.ControlPlane.Registry.Core;

/// <summary>The pod spec rules learners most often meet: containers, names, images, ports, restart policy.</summary>
public static class PodSpecValidation
{
    private static readonly string[] RestartPolicies = ["Always", "OnFailure", "Never"];

    public static IEnumerable<FieldError> Validate(PodSpec spec, string path)
    {
        if (spec.Containers is not { Count: > 0 })
        {
            yield return FieldError.Required($"{path}.containers");
            yield break;
        }
        var names = new HashSet<string>();
        foreach (var (container, i) in spec.Containers.Select((c, i) => (c, i)))
        {
            var at = $"{path}.containers[{i}]";
            if (string.IsNullOrEmpty(container.Name)) yield return FieldError.Required($"{at}.name");
            else
            {
                foreach (var message in NameRules.Dns1123Label(container.Name)) yield return FieldError.Invalid($"{at}.name", container.Name, message);
                if (!names.Add(container.Name)) yield return FieldError.Duplicate($"{at}.name", container.Name);
            }
            if (string.IsNullOrWhiteSpace(container.Image)) yield return FieldError.Required($"{at}.image");
            foreach (var (port, p) in (container.Ports ?? []).Select((port, p) => (port, p)))
            {
                if (port.Number is < 1 or > 65535)
                    yield return FieldError.Invalid($"{at}.ports[{p}].containerPort", port.Number, "must be between 1 and 65535, inclusive");
                if (port.Protocol is not ("TCP" or "UDP" or "SCTP"))
                    yield return FieldError.NotSupported($"{at}.ports[{p}].protocol", port.Protocol, ["SCTP", "TCP", "UDP"]);
            }
        }
        if (spec.RestartPolicy is { } policy && !RestartPolicies.Contains(policy))
            yield return FieldError.NotSupported($"{path}.restartPolicy", policy, RestartPolicies);
    }
}
