using System.Net;
using KubeLab.Site.Connect;
using KubeLab.Site.Lessons;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace KubeLab.Site.Tests.Browser;

/// <summary>
/// The site as <c>dotnet run</c> starts it, in this process, on Kestrel at a free loopback port (its connect endpoint
/// on another), with its lessons from the folder given.
/// (Any type of the site names its assembly; its Program is not unique among the referenced assemblies.)
/// Linked into tests/KubeLab.Site.Benchmarks, which adds to the host through <c>configure</c>.
/// </summary>
internal sealed class SiteHost : WebApplicationFactory<LessonLibrary>
{
    private readonly string _lessons;
    private readonly Action<IWebHostBuilder>? _configure;

    public SiteHost(string lessons, Action<IWebHostBuilder>? configure = null)
    {
        _lessons = lessons;
        _configure = configure;
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting(LessonServices.FolderSetting, _lessons);
        // The connect endpoint on a free port too: pages show the address it bound.
        builder.UseSetting($"{ConnectOptions.Section}:{nameof(ConnectOptions.Url)}", "https://127.0.0.1:0");
        _configure?.Invoke(builder);
    }

    /// <summary>Starts the server and returns its address, e.g. <c>http://127.0.0.1:39213</c>.</summary>
    public string Start()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        return addresses.Single();
    }
}
