using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace KubeLab.ControlPlane.Serialization;

/// <summary>
/// The one JSON configuration of the wire: camelCase names, Go's <c>omitempty</c> rules
/// (empty strings, collections and nulls are left out unless a field is <see cref="EmitEmptyAttribute"/>),
/// map keys in Go's sorted order, Go's escaping, and Kubernetes time formats.
/// </summary>
public static class KubeJson
{
    public static readonly JsonSerializerOptions Options = Create(indented: false);

    /// <summary>For <c>kubectl -o json</c>-style output (four-space indent is applied by the printer).</summary>
    public static readonly JsonSerializerOptions Indented = Create(indented: true);

    private static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            Encoder = GoJsonEncoder.Instance,
            WriteIndented = indented,
            IndentSize = 2,
            NumberHandling = JsonNumberHandling.Strict,
            AllowDuplicateProperties = true,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { ApplyGoFieldRules } },
        };
        options.Converters.Add(new Rfc3339Converter());
        options.MakeReadOnly(populateMissingResolver: false);
        return options;
    }

    public static byte[] Serialize<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, Options);

    public static byte[] Serialize(object value, Type type) => JsonSerializer.SerializeToUtf8Bytes(value, type, Options);

    private static void ApplyGoFieldRules(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Kind != JsonTypeInfoKind.Object) return;
        foreach (var property in typeInfo.Properties)
        {
            SortedMapKeys.Apply(property);
            GoNulls.Apply(property);
            var member = property.AttributeProvider as MemberInfo;
            if (member?.GetCustomAttribute<MicroTimeAttribute>() is not null)
                property.CustomConverter = property.PropertyType == typeof(DateTimeOffset?)
                    ? new NullableMicroTimeConverter()
                    : new MicroTimeConverter();
            if (member?.GetCustomAttribute<EmitEmptyAttribute>() is not null) continue;
            property.ShouldSerialize = static (_, value) => !IsEmpty(value);
        }
    }

    private static bool IsEmpty(object? value) => value switch
    {
        null => true,
        string s => s.Length == 0,
        ICollection c => c.Count == 0,
        _ => false,
    };
}
