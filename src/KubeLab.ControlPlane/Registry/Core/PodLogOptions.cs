using System.Globalization;
using KubeLab.ControlPlane.Errors;
using Microsoft.AspNetCore.Http;

namespace KubeLab.ControlPlane.Registry.Core;

/// <summary>core/v1 PodLogOptions, read from the query as the apiserver's parameter codec reads it, and validated.</summary>
public sealed record PodLogOptions(
    string? Container, bool Follow, bool Previous, long? SinceSeconds, DateTimeOffset? SinceTime, bool Timestamps, long? TailLines, long? LimitBytes)
{
    public static PodLogOptions Parse(IQueryCollection query, string podName)
    {
        var options = new PodLogOptions(
            query["container"].ToString() is { Length: > 0 } c ? c : null,
            Bool(query, "follow"),
            Bool(query, "previous"),
            Long(query, "sinceSeconds"),
            query["sinceTime"].ToString() is { Length: > 0 } t
                ? DateTimeOffset.TryParse(t, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time.ToUniversalTime()
                    : throw StatusErrors.BadRequest($"parsing time \"{t}\" as \"2006-01-02T15:04:05Z07:00\": cannot parse \"{t}\" as \"2006\"")
                : null,
            Bool(query, "timestamps"),
            Long(query, "tailLines"),
            Long(query, "limitBytes"));
        var errors = options.Validate().ToList();
        if (errors.Count > 0) throw StatusErrors.Invalid("PodLogOptions", null, podName, errors);
        return options;
    }

    /// <summary>validation.ValidatePodLogOptions.</summary>
    private IEnumerable<FieldError> Validate()
    {
        if (TailLines is < 0) yield return FieldError.Invalid("tailLines", TailLines.Value, "must be greater than or equal to 0");
        if (LimitBytes is < 1) yield return FieldError.Invalid("limitBytes", LimitBytes.Value, "must be greater than 0");
        if (SinceSeconds is not null && SinceTime is not null)
            yield return FieldError.Forbidden("", "at most one of `sinceTime` or `sinceSeconds` may be specified");
        else if (SinceSeconds is < 1)
            yield return FieldError.Invalid("sinceSeconds", SinceSeconds.Value, "must be greater than 0");
    }

    /// <summary>Go's strconv.ParseBool, which the query decoder uses; anything else is refused.</summary>
    private static bool Bool(IQueryCollection query, string name)
    {
        var value = query[name].ToString();
        return value switch
        {
            "" => false,
            "1" or "t" or "T" or "true" or "TRUE" or "True" => true,
            "0" or "f" or "F" or "false" or "FALSE" or "False" => false,
            _ => throw StatusErrors.BadRequest($"strconv.ParseBool: parsing \"{value}\": invalid syntax"),
        };
    }

    private static long? Long(IQueryCollection query, string name)
    {
        var value = query[name].ToString();
        if (value.Length == 0) return null;
        return long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw StatusErrors.BadRequest($"strconv.ParseInt: parsing \"{value}\": invalid syntax");
    }
}
