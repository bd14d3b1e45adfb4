using System.Reflection;
using System.Text.Json.Serialization.Metadata;

namespace KubeLab.ControlPlane.Serialization;

/// <summary>
/// Go writes every map with its keys sorted (encoding/json sorts them; so do gogo-protobuf's marshallers), whatever
/// order the client sent them in. A map-typed property is therefore read through a getter that hands the
/// serializer its entries in <see cref="GoStringOrder"/>: the dictionary itself, and every read of the JSON
/// contract (map detection, deserialization), stay as they are.
/// </summary>
internal static class SortedMapKeys
{
    private static readonly MethodInfo SortedDefinition =
        typeof(SortedMapKeys).GetMethod(nameof(Sorted), BindingFlags.NonPublic | BindingFlags.Static)!;

    public static void Apply(JsonPropertyInfo property)
    {
        if (property.IsExtensionData || property.Get is not { } get) return;
        var type = property.PropertyType;
        if (!type.IsGenericType || type.GetGenericTypeDefinition() != typeof(Dictionary<,>)) return;
        if (type.GetGenericArguments()[0] != typeof(string)) return;
        var sort = SortedDefinition.MakeGenericMethod(type.GetGenericArguments()[1]).CreateDelegate<Func<object?, object?>>();
        property.Get = owner => sort(get(owner));
    }

    /// <summary>The map itself when already in order (one key, or sent sorted by a Go client), otherwise a sorted copy.</summary>
    private static object? Sorted<TValue>(object? value)
    {
        if (value is not Dictionary<string, TValue> map || InOrder(map)) return value;
        var sorted = new Dictionary<string, TValue>(map.Count, map.Comparer);
        foreach (var key in map.Keys.Order(GoStringOrder.Instance)) sorted.Add(key, map[key]);
        return sorted;
    }

    private static bool InOrder<TValue>(Dictionary<string, TValue> map)
    {
        string? previous = null;
        foreach (var (key, _) in map)
        {
            if (previous is not null && GoStringOrder.Instance.Compare(previous, key) > 0) return false;
            previous = key;
        }
        return true;
    }
}
