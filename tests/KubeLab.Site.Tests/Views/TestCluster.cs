using System.Net.Http.Headers;
using KubeLab.ControlPlane;
using KubeLab.ControlPlane.Http.InProcess;
using KubeLab.Scenarios.Transcripts;

namespace KubeLab.Site.Tests.Views;

/// <summary>A fresh cluster and an admin client on it, to make real exchanges for the views to show.</summary>
internal sealed class TestCluster : IDisposable
{
    public Cluster Cluster { get; }
    public HttpClient Admin { get; }

    public TestCluster(Cluster? cluster = null)
    {
        Cluster = cluster ?? new Cluster();
        Cluster.Authentication.AddTokenUser("admin-token", "admin", "system:masters");
        Admin = Client("admin-token");
    }

    public HttpClient Client(string? token)
    {
        var client = new HttpClient(new InProcessHandler(Cluster.Api)) { BaseAddress = new Uri("https://127.0.0.1:6443") };
        if (token is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>The last exchange the API server recorded, as a transcript keeps it.</summary>
    public ExchangeRecord LastExchange => ExchangeRecord.From(Cluster.Api.Exchanges.Since(Cluster.Api.Exchanges.LastSequence - 1).Single());

    public void Dispose() => Admin.Dispose();
}
