using System.Net;
using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Text;
using KubeLab.Site.Connect;
using KubeLab.Site.Learners;
using KubeLab.Site.Tests.Browser;
using KubeLab.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace KubeLab.Site.Tests.Hardening;

/// <summary>
/// A learner who tries to reach another's cluster through the site and the connect endpoint: mutated and guessed
/// connect ids, path tricks, tokens where they do not belong, impersonation, forged learner cookies, the circuit's
/// paths on the connect port, Host headers and absolute-form targets. Every attempt must end in a 404 Status, a 401,
/// a 403, a refusal of the request itself, or a fresh cluster of the attacker's own, and neither cluster may change.
/// Browser/ConnectTests covers the same ground with the real kubectl; this covers what kubectl cannot send.
/// </summary>
[NonParallelizable]
public class IsolationTests
{
    private const string NamespacePost = """{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"taken-over"}}""";

    private SiteHost _site = null!;
    private string _siteUrl = "";
    private SiteVisitor _annBrowser = null!;
    private SiteVisitor _bobBrowser = null!;
    private LearnerKubeconfig _ann = null!;
    private LearnerKubeconfig _bob = null!;
    private HttpClient _annHttp = null!;
    private HttpClient _anonymous = null!;
    private readonly Dictionary<string, int> _outcomes = [];

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _site = new SiteHost(Path.Combine(RepositoryRoot.Path, "scenarios"));
        _siteUrl = _site.Start();
        _annBrowser = new SiteVisitor(_siteUrl);
        _bobBrowser = new SiteVisitor(_siteUrl);
        _ann = await _annBrowser.ArriveAsync();
        _bob = await _bobBrowser.ArriveAsync();
        _annHttp = _ann.HttpClient();
        _anonymous = _ann.HttpClient(withToken: false);
        // Each learner makes something of their own, so a cluster reached by mistake would show it.
        using var bobHttp = _bob.HttpClient();
        foreach (var (who, client, name) in new[] { (_ann, _annHttp, "only-ann"), (_bob, bobHttp, "only-bob") })
        {
            using var created = await client.PostAsync($"{who.Server}/api/v1/namespaces", Json(NamespacePost.Replace("taken-over", name)));
            Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        }
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _annHttp.Dispose();
        _anonymous.Dispose();
        _annBrowser.Dispose();
        _bobBrowser.Dispose();
        await _site.DisposeAsync();
    }

    private LearnerClusters Clusters => _site.Services.GetRequiredService<LearnerClusters>();

    private ControlPlane.Cluster ClusterOf(LearnerKubeconfig learner) =>
        Clusters.FindByConnectId(learner.ConnectId)?.Session.LiveCluster ?? throw new InvalidOperationException("the learner's cluster is gone");

    [Test]
    public async Task NoAttemptReachesAnotherLearnersCluster()
    {
        var bobRevision = ClusterOf(_bob).Store.Revision;
        var annRevision = ClusterOf(_ann).Store.Revision;
        var clustersBefore = Clusters.Count;

        await GuessedConnectIdsAsync();
        await PathTricksAsync();
        await CredentialsAsync();
        await CircuitPathsOnTheConnectPortAsync();
        await RawRequestsAsync();
        var fresh = await ForgedCookiesAsync();

        foreach (var (outcome, count) in _outcomes.OrderByDescending(o => o.Value))
            TestContext.Progress.WriteLine($"isolation: {count,4} × {outcome}");
        TestContext.Progress.WriteLine($"isolation: {_outcomes.Values.Sum(),4} attempts, {Clusters.Count - clustersBefore} fresh clusters made for forged cookies");

        Assert.That(ClusterOf(_bob).Store.Revision, Is.EqualTo(bobRevision), "Bob's cluster changed");
        Assert.That(ClusterOf(_ann).Store.Revision, Is.EqualTo(annRevision), "Ann's cluster changed");
        foreach (var cluster in new[] { ClusterOf(_ann), ClusterOf(_bob) })
            Assert.That(cluster.Store.List("namespaces").Items.Select(i => i.Object.Metadata.Name), Does.Not.Contain("taken-over"));
        Assert.That(Clusters.Count - clustersBefore, Is.EqualTo(fresh), "only the well-formed guesses made clusters");
    }

    /// <summary>Bob's connect id, changed the ways a guess or a sloppy proxy might, with Ann's token: no cluster, or Bob's 401.</summary>
    private async Task GuessedConnectIdsAsync()
    {
        var bob = _bob.ConnectId;
        var firstLetter = bob.IndexOfAny("abcdef".ToCharArray());
        var lookAlikes = new[]
        {
            bob.Replace('a', '\u0430').Replace('c', '\u0441').Replace('e', '\u0435'), // Cyrillic а, с, е
            bob.Replace('0', '\u0660').Replace('1', '\u0661'), // Arabic-Indic digits
            string.Concat(bob.Select(c => char.IsAsciiDigit(c) ? (char)('\uFF10' + (c - '0')) : c)), // fullwidth digits
            bob.Normalize(NormalizationForm.FormKD) + "\u200B", // a zero-width space after it
        };
        var notFound = new[]
        {
            bob.ToUpperInvariant(), firstLetter < 0 ? bob + "A" : bob[..firstLetter] + char.ToUpperInvariant(bob[firstLetter]) + bob[(firstLetter + 1)..],
            bob[..^1], bob[..16], bob[1..], bob + "0", bob + "00", "0" + bob, bob + ".", bob + "..", bob + "%2e", bob + "%2E%2E",
            bob + "%00", bob + "%20", "%20" + bob, bob + ";", bob + "%3B", bob + "%2F", bob + "%5C", bob + "%2Fapi",
            _ann.ConnectId + bob, bob + _ann.ConnectId, _bobBrowser.LearnerId!, _annBrowser.LearnerId!, _bob.Token, new string('0', 32),
            "..", ".", "%2e%2e", "%2e", "*", "%2A",
        }.Concat(lookAlikes.Select(Uri.EscapeDataString));
        foreach (var id in notFound)
        {
            // Kestrel refuses a path that decodes to a NUL before anything routes it.
            string[] allowed = id.Contains("%00") ? ["400 Bad Request"] : ["404 Status"];
            await ConnectAsync($"id {id}", _annHttp, HttpMethod.Post, $"/clusters/{id}/api/v1/namespaces", allowed);
            await ConnectAsync($"id {id}", _annHttp, HttpMethod.Get, $"/clusters/{id}/api/v1/namespaces/only-bob", allowed);
        }
        // What the server decodes to Bob's very id reaches Bob's cluster, whose authenticator does not know Ann's token.
        var encoded = string.Concat(bob.Select(c => $"%{(int)c:X2}"));
        await ConnectAsync("id percent-encoded", _annHttp, HttpMethod.Post, $"/clusters/{encoded}/api/v1/namespaces", "401 Unauthorized");
        await ConnectAsync("id with a query mark", _annHttp, HttpMethod.Post, $"/clusters/{bob}?/api/v1/namespaces", "401 Unauthorized");
    }

    /// <summary>Paths that try to climb from Ann's cluster to Bob's, or to slip past the prefix.</summary>
    private async Task PathTricksAsync()
    {
        var (ann, bob) = (_ann.ConnectId, _bob.ConnectId);
        var paths = new (string Path, string[] Allowed)[]
        {
            ($"/clusters/{ann}/../{bob}/api/v1/namespaces", ["401 Unauthorized"]),
            ($"/clusters/{ann}/%2e%2e/{bob}/api/v1/namespaces", ["401 Unauthorized", "404 Status"]),
            ($"/clusters/{ann}/%2E%2E/{bob}/api/v1/namespaces", ["401 Unauthorized", "404 Status"]),
            ($"/clusters/{ann}/.%2e/{bob}/api/v1/namespaces", ["401 Unauthorized", "404 Status"]),
            ($"/clusters/{ann}/..%2F{bob}/api/v1/namespaces", ["404 Status"]),
            ($"/clusters/{ann}%2F..%2F{bob}/api/v1/namespaces", ["404 Status"]),
            ($"/clusters/{ann}/api/../../{bob}/api/v1/namespaces", ["401 Unauthorized"]),
            ($"/clusters/{ann}/api/v1/../../../../clusters/{bob}/api/v1/namespaces", ["401 Unauthorized", "404 Status"]),
            ($"/clusters/./{bob}/api/v1/namespaces", ["401 Unauthorized"]),
            ($"/clusters//{bob}/api/v1/namespaces", ["404 Status"]),
            ($"//clusters/{bob}/api/v1/namespaces", ["404 Status"]),
            ($"/clusters/{bob}//api/v1/namespaces", ["401 Unauthorized"]),
            ($"/CLUSTERS/{bob}/api/v1/namespaces", ["404 Status"]),
            ($"/Clusters/{bob}/api/v1/namespaces", ["404 Status"]),
            ($"/clusters%2F{bob}/api/v1/namespaces", ["404 Status"]),
            ($"/%63lusters/{bob}/api/v1/namespaces", ["401 Unauthorized"]),
            ($"/clusters\\{bob}/api/v1/namespaces", ["404 Status"]),
            ($"/clusters/{bob}\\..\\{ann}/api/v1/namespaces", ["404 Status"]),
            ($"/clusters/{bob}%00/api/v1/namespaces", ["404 Status", "400 Bad Request"]),
            ($"/x/../clusters/{bob}/api/v1/namespaces", ["401 Unauthorized"]),
        };
        foreach (var (path, allowed) in paths) await ConnectAsync($"path {path}", _annHttp, HttpMethod.Post, path, allowed);
    }

    /// <summary>Tokens where they do not belong, and impersonation: each cluster knows only its own learner's token.</summary>
    private async Task CredentialsAsync()
    {
        var bobPath = $"/clusters/{_bob.ConnectId}/api/v1/namespaces";
        await ConnectAsync("Ann's token at Bob's", _annHttp, HttpMethod.Post, bobPath, "401 Unauthorized");
        await ConnectAsync("Ann's token at Bob's", _annHttp, HttpMethod.Get, bobPath + "/only-bob", "401 Unauthorized");
        await ConnectAsync("Ann's token at Bob's, a watch", _annHttp, HttpMethod.Get, bobPath + "?watch=true", "401 Unauthorized");
        using (var bobAtAnn = _bob.HttpClient())
            await ConnectAsync("Bob's token at Ann's", bobAtAnn, HttpMethod.Post, $"/clusters/{_ann.ConnectId}/api/v1/namespaces", "401 Unauthorized");
        // Tokens kube-apiserver does not read from a query: anonymous, and anonymous may not.
        foreach (var query in new[] { "access_token", "token", "bearer", "authorization" })
            await ConnectAsync($"token in ?{query}", _anonymous, HttpMethod.Post, $"{bobPath}?{query}={_ann.Token}", "403 Forbidden");
        var mutations = new[] { _ann.Token.ToUpperInvariant(), _ann.Token[..^1], _ann.Token + "0", "kubelab-" + _bob.ConnectId, _bob.ConnectId, _bobBrowser.LearnerId!, "" };
        foreach (var token in mutations)
            await ConnectAsync("a guessed token", _anonymous, HttpMethod.Post, bobPath, ["401 Unauthorized", "403 Forbidden"],
                request => request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token));
        // kube-apiserver has no basic authentication since 1.19: the request is anonymous's.
        await ConnectAsync("Basic with Bob's connect id", _anonymous, HttpMethod.Post, bobPath, ["403 Forbidden"],
            request => request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.ASCII.GetBytes($"{_bob.ConnectId}:{_ann.Token}"))));
        foreach (var (user, group) in new[] { ("kubernetes-admin", "kubeadm:cluster-admins"), ("system:admin", "system:masters"), ("system:kube-controller-manager", "system:masters") })
        {
            void Impersonate(HttpRequestMessage request)
            {
                request.Headers.Add("Impersonate-User", user);
                request.Headers.Add("Impersonate-Group", group);
            }
            await ConnectAsync($"Ann impersonating {user} at Bob's", _annHttp, HttpMethod.Post, bobPath, ["401 Unauthorized"], Impersonate);
            await ConnectAsync($"anonymous impersonating {user} at Bob's", _anonymous, HttpMethod.Post, bobPath, ["403 Forbidden"], Impersonate);
        }
    }

    /// <summary>The connect port serves clusters only: not the site's circuit, scripts, probes, metrics or kubeconfig.</summary>
    private async Task CircuitPathsOnTheConnectPortAsync()
    {
        foreach (var path in new[] { "/_blazor", "/_blazor/negotiate?negotiateVersion=1", "/_blazor/disconnect", "/_framework/blazor.web.js",
                     "/connect/kubelab.kubeconfig", "/sandbox", "/metrics", "/healthz/ready", "/lessons", "/clusters", "/clusters/" })
        {
            await ConnectAsync($"site path {path} on the connect port", _annHttp, HttpMethod.Get, path, "404 Status");
            await ConnectAsync($"site path {path} on the connect port", _annHttp, HttpMethod.Post, path, "404 Status");
        }
        // WebSockets: a circuit's, and a watch of Bob's cluster with Ann's token.
        foreach (var (path, allowed) in new[] { ("/_blazor?id=x", "404"), ($"/clusters/{_bob.ConnectId}/api/v1/namespaces?watch=true", "401") })
        {
            using var socket = new ClientWebSocket();
            socket.Options.CollectHttpResponseDetails = true;
            socket.Options.SetRequestHeader("Authorization", "Bearer " + _ann.Token);
            socket.Options.RemoteCertificateValidationCallback = (_, _, _, _) => true;
            var url = new Uri(_ann.Endpoint.Replace("https:", "wss:") + path);
            var refused = Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(url, CancellationToken.None));
            Record($"WebSocket {path}", $"{(int)socket.HttpStatusCode} (WebSocket refused)", [$"{allowed} (WebSocket refused)"]);
            Assert.That(refused, Is.Not.Null);
        }
    }

    /// <summary>Requests HttpClient will not write: absolute-form targets, Host headers of another server, plain HTTP to the TLS port.</summary>
    private async Task RawRequestsAsync()
    {
        var connect = new Uri(_ann.Endpoint);
        var site = new Uri(_siteUrl);
        var bobPath = $"/clusters/{_bob.ConnectId}/api/v1/namespaces";
        var auth = "Authorization: Bearer " + _ann.Token;
        var raw = new (string What, Uri Server, string Line, string[] Headers, string[] Allowed)[]
        {
            ("absolute-form, Bob's path", connect, $"GET {connect.GetLeftPart(UriPartial.Authority)}{bobPath} HTTP/1.1", [auth], ["401 Unauthorized"]),
            ("absolute-form naming another host", connect, $"GET https://kubelab.example{bobPath} HTTP/1.1", [auth], ["401 Unauthorized", "400 Bad Request"]),
            ("absolute-form through Ann's path", connect, $"GET {connect.GetLeftPart(UriPartial.Authority)}/clusters/{_ann.ConnectId}/../{_bob.ConnectId}/api/v1/namespaces HTTP/1.1", [auth], ["401 Unauthorized"]),
            ("Host of the site", connect, $"GET {bobPath} HTTP/1.1", [$"Host: {site.Authority}", auth], ["401 Unauthorized"]),
            ("Host of another server", connect, $"GET {bobPath} HTTP/1.1", ["Host: kubelab.example", auth], ["401 Unauthorized"]),
            ("Host with a path", connect, $"GET /api/v1/namespaces HTTP/1.1", [$"Host: {connect.Authority}{bobPath[..^"/api/v1/namespaces".Length]}", auth], ["400 Bad Request"]),
            ("no Host", connect, $"GET {bobPath} HTTP/1.0", [auth, "Host:"], ["400 Bad Request", "401 Unauthorized"]),
            ("a NUL in the path", connect, $"GET /clusters/{_bob.ConnectId}\0/api/v1/namespaces HTTP/1.1", [auth], ["400 Bad Request"]),
            ("a raw non-ASCII id", connect, $"GET /clusters/{_bob.ConnectId.Replace('a', 'á')}/api/v1/namespaces HTTP/1.1", [auth], ["400 Bad Request", "404 Status"]),
            ("authority-form CONNECT", connect, $"CONNECT {connect.Authority} HTTP/1.1", [auth], ["400 Bad Request", "404 Status", "405 Method Not Allowed"]),
            ("asterisk-form OPTIONS", connect, "OPTIONS * HTTP/1.1", [auth], ["400 Bad Request", "404 Status"]),
            ("plain HTTP to the TLS port", new Uri($"http://{connect.Authority}"), $"GET {bobPath} HTTP/1.1", [auth], ["400 Bad Request", "no answer"]),
            ("Bob's path on the site's port", site, $"GET {bobPath} HTTP/1.1", [auth], ["404 page"]),
            ("absolute-form to the connect port, sent to the site", site, $"GET {connect.GetLeftPart(UriPartial.Authority)}{bobPath} HTTP/1.1", [auth], ["404 page", "400 Bad Request"]),
            ("connect port's Host, sent to the site", site, $"GET {bobPath} HTTP/1.1", [$"Host: {connect.Authority}", auth], ["404 page"]),
            ("CONNECT through the site", site, $"CONNECT {connect.Authority} HTTP/1.1", [], ["400 Bad Request", "404 page", "405 Method Not Allowed"]),
        };
        foreach (var (what, server, line, headers, allowed) in raw)
        {
            var (status, response) = await RawHttp.SendAsync(server, line, headers);
            Record(what, Classify(status, response[Math.Max(0, response.IndexOf("\r\n\r\n", StringComparison.Ordinal))..]), allowed);
        }
        // The site's port does not route clusters, whatever the method.
        foreach (var method in new[] { HttpMethod.Get, HttpMethod.Post, HttpMethod.Put, HttpMethod.Delete })
        {
            using var request = new HttpRequestMessage(method, bobPath) { Content = method == HttpMethod.Get ? null : Json(NamespacePost) };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _ann.Token);
            using var response = await _annBrowser.Client.SendAsync(request);
            Record($"{method} Bob's path on the site's port", Classify((int)response.StatusCode, await response.Content.ReadAsStringAsync()),
                ["404 page", "405 Method Not Allowed", "400 Bad Request"]);
        }
    }

    /// <summary>
    /// Learner cookies Ann did not get from the site: a malformed one gets no kubeconfig (and a page gives a new id);
    /// a well-formed guess gets a new, empty cluster, never Ann's or Bob's. Returns how many clusters the guesses made.
    /// </summary>
    private async Task<int> ForgedCookiesAsync()
    {
        var bob = _bobBrowser.LearnerId!;
        var malformed = new[]
        {
            bob.ToUpperInvariant(), bob[..^1], bob + "0", " " + bob, $"\"{bob}\"", bob + ";", _bob.ConnectId, _bob.Token, _annBrowser.LearnerId + bob,
            Uri.EscapeDataString(bob.Replace('a', '\u0430')), "../" + bob[3..], "",
        };
        // (ASP.NET Core percent-decodes cookie values, so an encoded id is the id: only who knows it can send it.)
        foreach (var cookie in malformed)
        {
            using var stranger = new SiteVisitor(_siteUrl);
            stranger.Cookies.Add(new Uri(_siteUrl), new Cookie(LearnerCookie.Name, cookie.Replace(";", "%3B").Replace(" ", "%20").Replace("\"", "%22")));
            Record($"malformed cookie {cookie}, kubeconfig", await stranger.KubeconfigAsync() is null ? "404 no kubeconfig" : "a kubeconfig", ["404 no kubeconfig"]);
            using (var page = await stranger.Client.GetAsync("/"))
                Record("malformed cookie, a page", stranger.LearnerId is { } given && LearnerCookie.IsWellFormed(given) && given != bob && given != _annBrowser.LearnerId
                    ? "a new learner id" : $"kept {stranger.LearnerId}", ["a new learner id"]);
        }
        var guesses = new[] { LearnerCookie.NewId(), bob[..^1] + (bob[^1] == '0' ? '1' : '0'), new string('0', 64), LearnerCookie.NewId() };
        foreach (var guess in guesses)
        {
            using var stranger = new SiteVisitor(_siteUrl);
            stranger.Cookies.Add(new Uri(_siteUrl), new Cookie(LearnerCookie.Name, guess));
            var kubeconfig = await stranger.KubeconfigAsync();
            Record("well-formed guessed cookie", await IsFreshAsync(kubeconfig) ? "a fresh cluster" : "an existing cluster", ["a fresh cluster"]);
        }
        // A query naming Bob does not change whose kubeconfig Ann downloads.
        using (var response = await _annBrowser.Client.GetAsync($"{ConnectServices.KubeconfigPath}?learner={bob}&connectId={_bob.ConnectId}"))
            Record("kubeconfig query naming Bob", new LearnerKubeconfig(await response.Content.ReadAsStringAsync()).ConnectId == _ann.ConnectId ? "Ann's own" : "another's", ["Ann's own"]);
        return guesses.Length;
    }

    /// <summary>A kubeconfig for neither learner, whose cluster has neither's namespace.</summary>
    private async Task<bool> IsFreshAsync(LearnerKubeconfig? kubeconfig)
    {
        if (kubeconfig is null || kubeconfig.ConnectId == _ann.ConnectId || kubeconfig.ConnectId == _bob.ConnectId
            || kubeconfig.Token == _ann.Token || kubeconfig.Token == _bob.Token) return false;
        using var client = kubeconfig.HttpClient();
        foreach (var name in new[] { "only-ann", "only-bob" })
        {
            using var response = await client.GetAsync($"{kubeconfig.Server}/api/v1/namespaces/{name}");
            if (response.StatusCode != HttpStatusCode.NotFound) return false;
        }
        return true;
    }

    private Task ConnectAsync(string what, HttpClient client, HttpMethod method, string pathAndQuery, params string[] allowed) =>
        ConnectAsync(what, client, method, pathAndQuery, allowed, null);

    private async Task ConnectAsync(string what, HttpClient client, HttpMethod method, string pathAndQuery, string[] allowed, Action<HttpRequestMessage>? adjust)
    {
        using var request = new HttpRequestMessage(method, new Uri(_ann.Endpoint + pathAndQuery, new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true }));
        if (method != HttpMethod.Get) request.Content = Json(NamespacePost);
        adjust?.Invoke(request);
        using var response = await client.SendAsync(request);
        Record($"{what} ({method} {pathAndQuery})", Classify((int)response.StatusCode, await response.Content.ReadAsStringAsync()), allowed);
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private void Record(string what, string outcome, string[] allowed)
    {
        _outcomes[outcome] = _outcomes.GetValueOrDefault(outcome) + 1;
        Assert.That(outcome, Is.AnyOf(allowed), what);
    }

    /// <summary>How an attempt ended, as the tally names it: a Kubernetes Status is told apart from the site's own page.</summary>
    private static string Classify(int status, string body)
    {
        var isStatus = body.Contains("\"kind\":\"Status\"", StringComparison.Ordinal);
        return status switch
        {
            0 => "no answer",
            404 => isStatus ? "404 Status" : "404 page",
            _ => $"{status} {ReasonOf(status)}",
        };
    }

    private static string ReasonOf(int status) => status switch
    {
        400 => "Bad Request", 401 => "Unauthorized", 403 => "Forbidden", 405 => "Method Not Allowed",
        _ => ((HttpStatusCode)status).ToString(),
    };
}
