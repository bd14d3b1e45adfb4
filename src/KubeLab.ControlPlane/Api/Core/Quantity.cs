using System.Text.Json;
using System.Text.Json.Serialization;

namespace KubeLab.ControlPlane.Api.Core;

/// <summary>
/// resource.Quantity as text (<c>100m</c>, <c>128Mi</c>). Manifests often write plain numbers
/// (<c>cpu: 1</c>), which arrive as JSON numbers and are kept as their text.
/// </summary>
[JsonConverter(typeof(QuantityConverter))]
public readonly record struct Quantity(string Value)
{
    public override string ToString() => Value;
}

internal sealed class QuantityConverter : JsonConverter<Quantity>
{
    public override Quantity Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.String => new Quantity(reader.GetString()!),
            JsonTokenType.Number => new Quantity(System.Text.Encoding.UTF8.GetString(reader.ValueSpan)),
            _ => throw new JsonException("quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"),
        };

    public override void Write(Utf8JsonWriter writer, Quantity value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Value);
}

/// <summary>intstr.IntOrString: a port number or a port name, a count or a percentage.</summary>
[JsonConverter(typeof(IntOrStringConverter))]
public readonly record struct IntOrString(int? IntValue, string? StringValue)
{
    public static implicit operator IntOrString(int value) => new(value, null);
    public static implicit operator IntOrString(string value) => new(null, value);
    public override string ToString() => IntValue?.ToString() ?? StringValue ?? "";
}

internal sealed class IntOrStringConverter : JsonConverter<IntOrString>
{
    public override IntOrString Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.Number => new IntOrString(reader.GetInt32(), null),
            JsonTokenType.String => new IntOrString(null, reader.GetString()),
            _ => throw new JsonException("cannot unmarshal into an int or a string"),
        };

    public override void Write(Utf8JsonWriter writer, IntOrString value, JsonSerializerOptions options)
    {
        if (value.IntValue is { } i) writer.WriteNumberValue(i);
        else writer.WriteStringValue(value.StringValue);
    }
}
