namespace KubeLab.Compatibility.Tests;

/// <summary>
/// `kubelab serve --lesson LESSON`: the served cluster starts as the lesson starts, and real kubectl with the written
/// kubeconfig finds the lesson's objects, authenticates as the lesson's users, and reads the lesson's files.
/// </summary>
public class ServeLessonTests
{
    private const string Lesson = """
        id: served-lesson
        title: A lesson to serve
        summary: Objects, users and contexts of its own.
        level: beginner
        minutes: 5
        files:
          extra.yaml: |
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: extra
              namespace: project1
        cluster:
          objects:
            - apiVersion: v1
              kind: Namespace
              metadata: { name: project1 }
            - apiVersion: v1
              kind: ConfigMap
              metadata: { name: settings, namespace: project1 }
              data: { mode: fast }
            - apiVersion: rbac.authorization.k8s.io/v1
              kind: RoleBinding
              metadata: { name: jane-view, namespace: project1 }
              roleRef: { apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view }
              subjects: [{ apiGroup: rbac.authorization.k8s.io, kind: User, name: jane }]
          users:
            - { name: jane, groups: [dev], certificate: true }
            - { name: ci, token: ci-token }
          kubeconfig:
            current-context: jane
            contexts:
              - { name: jane, user: jane, namespace: project1 }
              - { name: ci, user: ci }
              - { name: admin, user: admin, namespace: project1 }
            users:
              - { name: jane, client-certificate: jane }
              - { name: ci, token: ci-token }
              - { name: admin, client-certificate: kubernetes-admin }
        steps:
          - title: Look
            narration: Nothing to do.
            kubectl: get configmaps
        """;

    private static async Task<(SimulatorProcess Simulator, Kubectl Kubectl)> Serve(params string[] arguments)
    {
        var kubectlPath = await KubectlBinary.GetPathAsync();
        var simulator = await SimulatorProcess.StartAsync(arguments);
        var home = Directory.CreateDirectory(Path.Combine(simulator.Directory, "home")).FullName;
        return (simulator, new Kubectl(kubectlPath, simulator.KubeconfigPath, Path.Combine(simulator.Directory, "cache"), home));
    }

    [Test]
    public async Task TheLessonsObjectsUsersAndContextsAreServed()
    {
        var folder = Directory.CreateTempSubdirectory("kubelab-lesson-").FullName;
        var lesson = Path.Combine(folder, "served-lesson.yaml");
        await File.WriteAllTextAsync(lesson, Lesson);
        var (simulator, kubectl) = await Serve("--lesson", lesson);
        await using var _ = simulator;

        await Assert.MultipleAsync(async () =>
        {
            Assert.That(await kubectl.RunAsync("config", "current-context"), Is.EqualTo(KubectlResult.Success("jane\n")));
            // jane, by her client certificate, may view project1 (the lesson's RoleBinding) and finds the lesson's object there.
            Assert.That(await kubectl.RunAsync("get", "configmap", "settings", "-o", "jsonpath={.data.mode}"), Is.EqualTo(KubectlResult.Success("fast")));
            Assert.That(await kubectl.RunAsync("auth", "whoami", "-o", "jsonpath={.status.userInfo.username} {.status.userInfo.groups}"),
                Is.EqualTo(KubectlResult.Success("jane [\"dev\",\"system:authenticated\"]")));
            Assert.That(await kubectl.RunAsync("--context", "ci", "auth", "whoami", "-o", "jsonpath={.status.userInfo.username}"),
                Is.EqualTo(KubectlResult.Success("ci")), "the token user");
            Assert.That(await kubectl.RunAsync("--context", "admin", "get", "rolebindings", "-o", "name"),
                Is.EqualTo(KubectlResult.Success("rolebinding.rbac.authorization.k8s.io/jane-view\n")), "the admin's certificate, in project1");
            Assert.That(await kubectl.RunAsync("get", "secrets"),
                Is.EqualTo(KubectlResult.Failure("Error from server (Forbidden): secrets is forbidden: User \"jane\" cannot list resource \"secrets\" in API group \"\" in the namespace \"project1\"\n")));
        });

        // The lesson's files, beside the kubeconfig in a folder named after the lesson, work as the lesson types them.
        var workdir = Path.Combine(simulator.Directory, "served-lesson");
        Assert.That(Directory.EnumerateFiles(workdir).Select(Path.GetFileName).Order(),
            Is.EqualTo(new[] { "ca.crt", "extra.yaml", "jane.crt", "jane.key", "kubernetes-admin.crt", "kubernetes-admin.key" }));
        if (!OperatingSystem.IsWindows())
            Assert.That(File.GetUnixFileMode(Path.Combine(workdir, "jane.key")), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite), "a private key");
        Assert.That(await kubectl.In(workdir).RunAsync("--context", "admin", "create", "-f", "extra.yaml"),
            Is.EqualTo(KubectlResult.Success("configmap/extra created\n")));
        Directory.Delete(folder, recursive: true);
    }

    [Test]
    public async Task ABundledLessonByIdWithItsFilesInAWorkdir()
    {
        var workdir = Directory.CreateTempSubdirectory("kubelab-workdir-").FullName;
        var (simulator, kubectl) = await Serve("--lesson", "pods-on-the-wire", "--workdir", workdir);
        await using var _ = simulator;

        Assert.That(await kubectl.RunAsync("config", "get-contexts", "-o", "name"), Is.EqualTo(KubectlResult.Success("kubelab\n")));
        Assert.That(await kubectl.In(workdir).RunAsync("create", "-f", "nginx.yaml"), Is.EqualTo(KubectlResult.Success("pod/nginx created\n")));
        Assert.That(await kubectl.RunAsync("auth", "whoami", "-o", "jsonpath={.status.userInfo.username}"), Is.EqualTo(KubectlResult.Success("kubernetes-admin")));
        Assert.That(simulator.Output, Does.Contain($"lesson files written to {workdir}: ca.crt, kubernetes-admin.crt, kubernetes-admin.key, nginx.yaml"));
        Directory.Delete(workdir, recursive: true);
    }
}
