using System.Text;
using System.Text.Json.Nodes;

namespace KubeLab.ControlPlane.Tests.Hardening;

/// <summary>
/// Mutates real requests the way a hostile or broken client would: flipped and truncated bytes, duplicate keys,
/// swapped types, huge and deeply nested values, the wrong kind for the URL, invalid names, labels and selectors,
/// bogus query parameters, other verbs, paths and media types. Everything comes from one seeded <see cref="Random"/>.
/// </summary>
public sealed class RequestMutator(Random random)
{
    private static readonly string[] Methods = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "TRACE", "PROPFIND", "get", "M-SEARCH"];

    private static readonly string[] ContentTypes =
    [
        "application/json", "application/yaml", "application/vnd.kubernetes.protobuf", "application/merge-patch+json",
        "application/json-patch+json", "application/strategic-merge-patch+json", "application/apply-patch+yaml",
        "application/apply-patch+cbor", "text/plain", "application/json; charset=utf-16", "*/*", "garbage", "application/json;;;=",
        "application/vnd.kubernetes.protobuf;stream=watch", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded",
    ];

    private static readonly string[] Accepts =
    [
        "application/json", "application/yaml", "application/vnd.kubernetes.protobuf", "*/*", "text/html", "garbage;;",
        "application/json;as=Table;v=v1;g=meta.k8s.io", "application/json;as=Table;v=v2;g=meta.k8s.io",
        "application/json;as=PartialObjectMetadataList;v=v1;g=meta.k8s.io", "application/vnd.kubernetes.protobuf;as=Table;v=v1;g=meta.k8s.io",
        "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList", "application/yaml, application/json;q=0.1",
    ];

    public static readonly string[] BadNames =
    [
        "", "UPPER", "a/b", "..", ".", "a b", "-a", "a-", "a_b", "名前", "a\u0000b", "%2F", new string('a', 254), new string('a', 64),
        "a.b.c", "x:y", "\"quoted\"", "null", "0",
    ];

    private static readonly string[] Segments =
    [
        "api", "apis", "v1", "v2", "apps", "namespaces", "fuzz", "default", "kube-system", "pods", "configmaps", "deployments",
        "secrets", "services", "nodes", "watch", "status", "scale", "log", "finalize", "token", "binding", "proxy", "exec",
        "web", "web-0", "cfg", "", "..", "%2e%2e", "%00", "%25", "healthz", "readyz", "livez", "version", "openapi", "v3",
        "rbac.authorization.k8s.io", "roles", "clusterroles", "authorization.k8s.io", "selfsubjectaccessreviews", "events",
        "serviceaccounts", "replicasets", "leases", "coordination.k8s.io", "%E5%90%8D", "a%20b", "~", "*",
    ];

    private static readonly (string Name, string[] Values)[] Parameters =
    [
        ("resourceVersion", ["abc", "-1", "0", "1", "99999999999999999999999", "", "1.5", "９"]),
        ("resourceVersionMatch", ["Exact", "NotOlderThan", "bogus", ""]),
        ("limit", ["-1", "abc", "0", "1", "99999999999", "1e3"]),
        ("continue", ["garbage", "eyJ2IjoibWV0YS5rOHMuaW8vdjEiLCJydiI6LTEsInN0YXJ0IjoiIn0", "eyJydiI6Ijk5OTk5OTk5OTk5OTk5OTk5OTk5OTkifQ", "%00", "====", "e30"]),
        ("watch", ["true", "1", "false", "maybe"]),
        ("timeoutSeconds", ["-5", "abc", "1000000000000", "1", "0"]),
        ("dryRun", ["All", "bogus", "", "All&dryRun=All"]),
        ("fieldManager", [new string('m', 200), "%01", "", "kubectl", "a%0Ab"]),
        ("propagationPolicy", ["Bogus", "Orphan", "Foreground", "Background", ""]),
        ("gracePeriodSeconds", ["-1", "abc", "0", "99999999999999"]),
        ("labelSelector", ["a%20in%20(", "!!", "a%3Db%3Dc", "%3D", "a,,b", "a%20notin%20()", new string('a', 400) + "%3Db", "a%3E1", "x%3D%3Dy%2Cz!%3D"]),
        ("fieldSelector", ["spec.nodeName%3Dx", "bogus%3D1", "metadata.name%3D%3D", "a", "metadata.name!%3D", "status.phase%3DRunning%2Cmetadata.name%3Dweb-0"]),
        ("fieldValidation", ["Bogus", "Strict", "Ignore", "Warn", ""]),
        ("force", ["true", "maybe"]),
        ("pretty", ["true", "xyz"]),
        ("follow", ["true", "false"]),
        ("tailLines", ["-1", "abc", "0"]),
        ("sinceSeconds", ["-1", "0", "abc"]),
        ("sinceTime", ["yesterday", "2025-01-01T00:00:00Z"]),
        ("limitBytes", ["-1", "0", "abc"]),
        ("container", ["nope", "", "nginx"]),
        ("allowWatchBookmarks", ["true", "x"]),
        ("sendInitialEvents", ["true", "false", "x"]),
        ("orphanDependents", ["true", "x"]),
    ];

    private static readonly (string ApiVersion, string Kind)[] Kinds =
    [
        ("v1", "Pod"), ("apps/v1", "Deployment"), ("v1", "ConfigMap"), ("v1", "Namespace"), ("v1", "Status"), ("v2", "Pod"),
        ("apps/v1beta1", "Deployment"), ("", ""), ("v1", "List"), ("meta.k8s.io/v1", "Table"), ("autoscaling/v1", "Scale"), ("v1", "DeleteOptions"),
    ];

    public FuzzRequest Mutate(FuzzRequest seed)
    {
        var request = seed;
        var count = random.Next(20) == 0 ? 0 : 1 + random.Next(3);
        for (var i = 0; i < count; i++) request = MutateOnce(request);
        return request;
    }

    /// <summary>A request made of random parts: any verb, a path from the server's vocabulary, any media types.</summary>
    public FuzzRequest Generate()
    {
        var path = "/" + string.Join('/', Enumerable.Range(0, 1 + random.Next(7)).Select(_ => Pick(Segments)));
        var body = random.Next(2) == 0 ? null : RandomBytes(random.Next(64));
        return MutateOnce(new FuzzRequest(Pick(Methods), path, body is null ? null : Pick(ContentTypes), body, random.Next(2) == 0 ? Pick(Accepts) : null));
    }

    private FuzzRequest MutateOnce(FuzzRequest r) => random.Next(19) switch
    {
        0 => r with { Body = FlipBytes(r.Body) },
        1 => r with { Body = r.Body is { Length: > 0 } b ? b[..random.Next(b.Length)] : r.Body },
        2 => r with { Body = InsertJunk(r.Body) },
        3 => r with { Body = DuplicateKey(r.Body) },
        4 => r with { Body = EditTree(r.Body, SwapType) },
        5 when random.Next(4) == 0 => r with { Body = EditTree(r.Body, Huge) },
        6 => r with { Body = Nest(r.Body) },
        7 => r with { Body = EditTree(r.Body, WrongKind) },
        8 => r with { Body = EditTree(r.Body, BadName) },
        9 => r with { Body = EditTree(r.Body, BadLabels) },
        10 or 11 => r with { Path = AddParameter(r.Path) },
        12 => r with { Path = MutatePath(r.Path) },
        13 => r with { Method = Pick(Methods) },
        14 => r with { ContentType = Pick(ContentTypes) },
        15 => r with { Accept = Pick(Accepts) },
        16 => r with { Body = Pick<byte[]?>([null, [], "null"u8.ToArray(), "[]"u8.ToArray(), "\"text\""u8.ToArray(), "{}"u8.ToArray(), "---\n---\n"u8.ToArray(), "~"u8.ToArray()]) },
        17 => r with { Path = MutatePath(r.Path).Replace("/fuzz/", "/" + Uri.EscapeDataString(Pick(BadNames)) + "/") },
        _ => r with { Body = EditTree(r.Body, AnyNode) },
    };

    private byte[]? FlipBytes(byte[]? body)
    {
        if (body is not { Length: > 0 }) return body;
        var copy = body.ToArray();
        for (var i = 1 + random.Next(8); i > 0; i--) copy[random.Next(copy.Length)] ^= (byte)(1 + random.Next(255));
        return copy;
    }

    private byte[] InsertJunk(byte[]? body)
    {
        body ??= [];
        var at = random.Next(body.Length + 1);
        return [.. body[..at], .. RandomBytes(1 + random.Next(16)), .. body[at..]];
    }

    private byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    /// <summary>A key written twice, the second time with another value (JSON text keeps both; YAML too).</summary>
    private byte[]? DuplicateKey(byte[]? body)
    {
        if (body is null) return body;
        var text = Encoding.UTF8.GetString(body);
        var key = Pick(["metadata", "apiVersion", "kind", "spec", "data", "name", "labels", "replicas", "containers"]);
        var brace = text.IndexOf('{', random.Next(Math.Max(1, text.Length / 2)));
        if (brace >= 0) return Encoding.UTF8.GetBytes(text.Insert(brace + 1, $"\"{key}\":{JsonValueText()},"));
        return Encoding.UTF8.GetBytes(text + $"\n{key}: {JsonValueText()}\n{key}: {JsonValueText()}\n");
    }

    private string JsonValueText() => Pick(["1", "\"x\"", "null", "{}", "[]", "{\"name\":\"dup\"}", "true", "-9223372036854775809", "1e400"]);

    private byte[]? Nest(byte[]? body)
    {
        var depth = Pick([70, 200, 5_000, 100_000]);
        var text = random.Next(3) switch
        {
            0 => string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth),
            1 => new string('[', depth),
            _ => string.Concat(Enumerable.Range(0, Math.Min(depth, 2_000)).Select(i => new string(' ', i) + "- \n")),
        };
        var prefix = body is null ? "" : Encoding.UTF8.GetString(body[..Math.Min(body.Length, 40)]);
        return Encoding.UTF8.GetBytes(random.Next(2) == 0 ? text : prefix + text);
    }

    /// <summary>Edits the body's tree when it parses as JSON or YAML (JSON text is YAML too); byte-flips it otherwise.</summary>
    private byte[]? EditTree(byte[]? body, Func<JsonNode, JsonNode?> edit)
    {
        if (body is null) return body;
        try
        {
            var tree = KubeLab.ControlPlane.Serialization.YamlToJson.Convert(Encoding.UTF8.GetString(body));
            if (tree is null) return body;
            var edited = edit(tree) ?? tree;
            return Encoding.UTF8.GetBytes(edited.ToJsonString());
        }
        catch (Exception e) when (e is YamlDotNet.Core.YamlException or System.Text.Json.JsonException or InvalidOperationException or ArgumentException)
        {
            return FlipBytes(body);
        }
    }

    private JsonNode? SwapType(JsonNode root) => Replace(root, RandomValue());

    private JsonNode? Huge(JsonNode root) =>
        Replace(root, JsonValue.Create(new string(Pick(['a', 'é', '\u4e00', '"']), Pick([70_000, 300_000, 1_100_000]))));

    private JsonNode? AnyNode(JsonNode root) => Replace(root, Pick<JsonNode?>([null, new JsonArray(), new JsonObject(), JsonValue.Create(0)]));

    private JsonNode? WrongKind(JsonNode root)
    {
        if (root is not JsonObject obj) return null;
        var (apiVersion, kind) = Pick(Kinds);
        obj["apiVersion"] = apiVersion;
        obj["kind"] = kind;
        return null;
    }

    private JsonNode? BadName(JsonNode root)
    {
        if (root is not JsonObject obj) return null;
        var meta = obj["metadata"] as JsonObject ?? [];
        obj["metadata"] = meta;
        meta[Pick(["name", "namespace", "generateName", "uid", "resourceVersion", "creationTimestamp", "deletionTimestamp"])] = Pick(BadNames);
        return null;
    }

    private JsonNode? BadLabels(JsonNode root)
    {
        if (root is not JsonObject obj) return null;
        var meta = obj["metadata"] as JsonObject ?? [];
        obj["metadata"] = meta;
        var map = new JsonObject { [Pick(BadNames) + Pick(["", "/x", "a/b/c"])] = Pick(BadNames) };
        meta[Pick(["labels", "annotations", "finalizers", "ownerReferences", "managedFields"])] = random.Next(3) == 0 ? RandomValue() : map;
        return null;
    }

    private JsonNode? RandomValue() => random.Next(10) switch
    {
        0 => null,
        1 => JsonValue.Create(random.Next(2) == 0),
        2 => JsonValue.Create(Pick([-1L, 0L, long.MaxValue, long.MinValue, int.MaxValue + 1L])),
        3 => JsonValue.Create(Pick([1.5, -0.0, 1e300])),
        4 => JsonValue.Create(Pick(BadNames)),
        5 => new JsonArray(JsonValue.Create("x"), null, new JsonObject()),
        6 => new JsonObject { ["unexpected"] = 1 },
        7 => JsonValue.Create("2025-13-45T99:99:99Z"),
        8 => JsonValue.Create("500Gi"),
        _ => JsonValue.Create(""),
    };

    /// <summary>Replaces a random node of the tree (or the root) with <paramref name="value"/>.</summary>
    private JsonNode? Replace(JsonNode root, JsonNode? value)
    {
        var nodes = new List<JsonNode>();
        Collect(root, nodes);
        var target = nodes[random.Next(nodes.Count)];
        switch (target.Parent)
        {
            case JsonObject parent:
                parent[target.GetPropertyName()] = value;
                return null;
            case JsonArray array:
                array[target.GetElementIndex()] = value;
                return null;
            default:
                return value ?? JsonValue.Create("null");
        }
    }

    private static void Collect(JsonNode node, List<JsonNode> into)
    {
        into.Add(node);
        var children = node switch
        {
            JsonObject obj => obj.Select(p => p.Value),
            JsonArray array => array.AsEnumerable(),
            _ => [],
        };
        foreach (var child in children)
            if (child is not null) Collect(child, into);
    }

    private string AddParameter(string path)
    {
        var (name, values) = Pick(Parameters);
        return path + (path.Contains('?') ? "&" : "?") + name + "=" + Pick(values);
    }

    private string MutatePath(string path)
    {
        var (bare, query) = path.Split('?', 2) is [var p, var q] ? (p, "?" + q) : (path, "");
        var segments = bare.Split('/').Skip(1).ToList();
        switch (random.Next(3))
        {
            case 0 when segments.Count > 0: segments[random.Next(segments.Count)] = Pick(Segments); break;
            case 1: segments.Insert(random.Next(segments.Count + 1), Pick(Segments)); break;
            default: if (segments.Count > 0) segments.RemoveAt(random.Next(segments.Count)); break;
        }
        return "/" + string.Join('/', segments) + query;
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
