using KubeLab.Site.Components;
using KubeLab.Site.Connect;
using KubeLab.Site.Display;
using KubeLab.Site.Learners;
using KubeLab.Site.Lessons;
using KubeLab.Site.Operations;
using KubeLab.Site.Sandbox;

var builder = WebApplication.CreateBuilder(args);

// The site runs lessons for whoever reaches it: it listens on loopback unless told otherwise (--urls, ASPNETCORE_URLS,
// or ASPNETCORE_HTTP_PORTS, which the .NET container images set).
if (new[] { WebHostDefaults.ServerUrlsKey, WebHostDefaults.HttpPortsKey, WebHostDefaults.HttpsPortsKey }.All(key => string.IsNullOrEmpty(builder.Configuration[key])))
    builder.WebHost.UseUrls("http://127.0.0.1:5080");
// Serve wwwroot from the build output in every environment (a published site has it beside the executable anyway).
builder.WebHost.UseStaticWebAssets();

builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddLessons();
builder.Services.AddSandbox();
builder.Services.AddDisplay();
builder.Services.AddLearners(builder.Configuration);
builder.Services.AddConnect(builder.Configuration);
builder.Services.AddOperations();

var app = builder.Build();
app.UseRequestMetrics();
if (!app.Environment.IsDevelopment()) app.UseExceptionHandler("/error", createScopeForErrors: true);
app.UseStatusCodePagesWithReExecute("/not-found");
app.UseLearnerCookie();
app.UseSessionGate();
app.UseAntiforgery();
app.MapStaticAssets();
app.MapKubeconfigDownload();
app.MapOperations();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
app.Run();
