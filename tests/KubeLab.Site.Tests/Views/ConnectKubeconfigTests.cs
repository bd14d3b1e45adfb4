using System.Text;
using KubeLab.Site.Connect;
using YamlDotNet.RepresentationModel;

namespace KubeLab.Site.Tests.Views;

/// <summary>The kubeconfig a learner's own kubectl uses (real kubectl reads it in the browser tests).</summary>
public class ConnectKubeconfigTests
{
    private const string Ca = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";

    [Test]
    public void OneClusterOneUserAndTheContextJoiningThem()
    {
        var text = ConnectKubeconfig.Render("https://127.0.0.1:5443/clusters/0123abcd", Ca, "kubelab-5eed");
        var root = Parse(text);

        Assert.That(Scalar(root, "apiVersion"), Is.EqualTo("v1"));
        Assert.That(Scalar(root, "kind"), Is.EqualTo("Config"));
        Assert.That(Scalar(root, "current-context"), Is.EqualTo("kubelab"));
        var cluster = Single(root, "clusters");
        Assert.That(Scalar(cluster, "name"), Is.EqualTo("kubelab"));
        Assert.That(Scalar(Map(cluster, "cluster"), "server"), Is.EqualTo("https://127.0.0.1:5443/clusters/0123abcd"));
        Assert.That(Encoding.ASCII.GetString(Convert.FromBase64String(Scalar(Map(cluster, "cluster"), "certificate-authority-data"))), Is.EqualTo(Ca));
        var context = Single(root, "contexts");
        Assert.That((Scalar(context, "name"), Scalar(Map(context, "context"), "cluster"), Scalar(Map(context, "context"), "user"), Scalar(Map(context, "context"), "namespace")),
            Is.EqualTo(("kubelab", "kubelab", "kubelab-learner", "default")));
        var user = Single(root, "users");
        Assert.That((Scalar(user, "name"), Scalar(Map(user, "user"), "token")), Is.EqualTo(("kubelab-learner", "kubelab-5eed")));
    }

    [Test]
    public void BehindAPublicServerNoCaIsPinned()
    {
        var root = Parse(ConnectKubeconfig.Render("https://kubelab.example.org/kubectl/clusters/0123abcd", null, "kubelab-5eed"));
        var cluster = Map(Single(root, "clusters"), "cluster");
        Assert.That(cluster.Children.Keys.Select(k => k.ToString()), Is.EqualTo(new[] { "server" }));
        Assert.That(Scalar(cluster, "server"), Is.EqualTo("https://kubelab.example.org/kubectl/clusters/0123abcd"));
    }

    private static YamlMappingNode Parse(string text)
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(text));
        return (YamlMappingNode)yaml.Documents.Single().RootNode;
    }

    private static YamlMappingNode Single(YamlMappingNode node, string key) =>
        (YamlMappingNode)((YamlSequenceNode)node[key]).Children.Single();

    private static YamlMappingNode Map(YamlMappingNode node, string key) => (YamlMappingNode)node[key];

    private static string Scalar(YamlMappingNode node, string key) => ((YamlScalarNode)node[key]).Value!;
}
