using KubeLab.Site.Components;
using KubeLab.Site.Connect;
using KubeLab.Site.Display;
using KubeLab.Site.Learners;
using KubeLab.Site.Lessons;
using KubeLab.Site.Sandbox;

var builder = WebApplication.CreateBuilder(args);

// The site runs lessons for whoever reaches it: it listens on loopback unless told otherwise (--urls).
if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey])) builder.WebHost.UseUrls("http://127.0.0.1:5080");
// Serve wwwroot from the build output in every environment (a published site has it beside the executable anyway).
builder.WebHost.UseStaticWebAssets();

builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddLessons();
builder.Services.AddSandbox();
builder.Services.AddDisplay();
builder.Services.AddLearners(builder.Configuration);
builder.Services.AddConnect(builder.Configuration);

var app = builder.Build();
if (!app.Environment.IsDevelopment()) app.UseExceptionHandler("/error", createScopeForErrors: true);
app.UseStatusCodePagesWithReExecute("/not-found");
app.UseLearnerCookie();
app.UseAntiforgery();
app.MapStaticAssets();
app.MapKubeconfigDownload();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
app.Run();
