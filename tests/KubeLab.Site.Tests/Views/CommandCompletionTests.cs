using KubeLab.ControlPlane.Catalog;
using KubeLab.Scenarios.Clients;
using KubeLab.Scenarios.Running;
using KubeLab.Site.Sandbox;

namespace KubeLab.Site.Tests.Views;

/// <summary>Tab in the sandbox: programs, kubectl's commands, resources the cluster serves, and names the cluster holds.</summary>
public class CommandCompletionTests
{
    private static SandboxSession _session = null!;

    [OneTimeSetUp]
    public static async Task StartAsync()
    {
        _session = new SandboxSession(new ScenarioRunner(EmulatedClients.Create()), TimeProvider.System);
        await _session.StartAsync();
        foreach (var line in new[] { "kubectl create namespace demo", "kubectl create configmap settings", "kubectl create configmap session",
                     "kubectl create configmap other -n demo" })
            Assert.That((await _session.RunAsync(line))!.View!.Step!.ExitCode, Is.EqualTo(0), line);
    }

    [OneTimeTearDown]
    public static async Task StopAsync() => await _session.DisposeAsync();

    private static Completion Complete(string line) => _session.Completion.Complete(line);

    [TestCase("", "", new[] { "curl", "kubectl" })]
    [TestCase("ku", "kubectl ", new[] { "kubectl" })]
    [TestCase("kubectl get po", "kubectl get pod", new[] { "poddisruptionbudgets", "pods" })]
    [TestCase("kubectl get nod", "kubectl get nodes ", new[] { "nodes" })]
    [TestCase("kubectl  des", "kubectl  describe ", new[] { "describe" })]
    [TestCase("kubectl create sec", "kubectl create secret ", new[] { "secret" })]
    [TestCase("kubectl create secret g", "kubectl create secret generic ", new[] { "generic" })]
    [TestCase("kubectl get c", "kubectl get c", new[] { "clusterrolebindings", "clusterroles", "configmaps" })]
    [TestCase("kubectl get clusterrole", "kubectl get clusterrole", new[] { "clusterrolebindings", "clusterroles" })]
    [TestCase("kubectl get cm ", "kubectl get cm se", new[] { "session", "settings" })]
    [TestCase("kubectl get cm se", "kubectl get cm se", new[] { "session", "settings" })]
    [TestCase("kubectl get configmaps setti", "kubectl get configmaps settings ", new[] { "settings" })]
    [TestCase("kubectl delete cm -n demo o", "kubectl delete cm -n demo other ", new[] { "other" })]
    [TestCase("kubectl get cm --namespace=demo ", "kubectl get cm --namespace=demo other ", new[] { "other" })]
    [TestCase("kubectl get pods -n d", "kubectl get pods -n de", new[] { "default", "demo" })]
    [TestCase("kubectl get namespaces de", "kubectl get namespaces de", new[] { "default", "demo" })]
    public void CompletesTheLastWord(string line, string completed, string[] candidates)
    {
        var completion = Complete(line);
        Assert.That(completion.Candidates, Is.EqualTo(candidates));
        Assert.That(completion.Line, Is.EqualTo(completed));
    }

    [TestCase("kubectl get pods --out")]
    [TestCase("kubectl version ")]
    [TestCase("kubectl gett ")]
    [TestCase("curl -s ")]
    [TestCase("kubectl get nosuchthings ")]
    [TestCase("kubectl get cm zz")]
    public void WhatItCannotCompleteItLeavesAsTyped(string line)
    {
        var completion = Complete(line);
        Assert.That((completion.Line, completion.Candidates), Is.EqualTo((line, Array.Empty<string>())));
    }

    [Test]
    public void OffersOnlyResourcesThatCanBeRead()
    {
        var offered = Complete("kubectl get ").Candidates;
        Assert.That(offered, Does.Contain("pods").And.Contain("deployments").And.Contain("namespaces"));
        Assert.That(offered, Does.Not.Contain("tokenreviews").And.Not.Contain("selfsubjectaccessreviews"));
        Assert.That(offered, Has.Count.EqualTo(ResourceCatalog.Default.Resources.Count(r => r.Supports("get") || r.Supports("list"))));
    }
}
