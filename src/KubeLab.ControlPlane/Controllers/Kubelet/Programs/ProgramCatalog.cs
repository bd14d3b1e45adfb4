using KubeLab.ControlPlane.Api.Core;

namespace KubeLab.ControlPlane.Controllers.Kubelet.Programs;

/// <summary>
/// Decides what a container runs: its command and args if it has them (a shell script, echo, sleep, a
/// known server), else its image's default process. Images the simulator does not know run silently.
/// </summary>
public static class ProgramCatalog
{
    private static readonly HashSet<string> Shells = ["sh", "bash", "ash", "dash"];

    public static ContainerProgram For(Container container, ImageReference image)
    {
        var argv = container.Command is { Count: > 0 } command
            ? [.. command, .. container.Args ?? []]
            : container.Args is { Count: > 0 } args ? args : null;
        if (argv is null) return Default(image);
        var name = Path.GetFileName(argv[0]);
        if (Shells.Contains(name))
        {
            var c = argv.IndexOf("-c");
            return c > 0 && c + 1 < argv.Count ? Shell(argv[c + 1], image) : SilentProgram.ExitsAtOnce;
        }
        return Known(argv, image) ?? (IsShellBuiltin(name) ? Shell(ShellProgram.Quote(argv), image) : SilentProgram.Forever);
    }

    private static ContainerProgram Shell(string script, ImageReference image) => new ShellProgram(script, argv => Known(argv, image));

    /// <summary>The process an image runs when the pod names no command.</summary>
    private static ContainerProgram Default(ImageReference image) => image.ShortName switch
    {
        "nginx" or "nginx-unprivileged" => Nginx.Program(image, viaEntrypoint: true),
        "redis" or "valkey" => Redis.Program(image),
        "httpd" => Httpd.Program(image),
        "postgres" => Postgres.Program(image),
        "hello-world" => HelloWorld.Program(),
        "busybox" or "alpine" or "ubuntu" or "debian" or "fedora" or "python" or "node" => SilentProgram.ExitsAtOnce,
        _ => SilentProgram.Forever,
    };

    /// <summary>A server program started by name, in an image that has it.</summary>
    private static ContainerProgram? Known(List<string> argv, ImageReference image)
    {
        if (argv.Count == 0) return null;
        return Path.GetFileName(argv[0]) switch
        {
            "nginx" => Nginx.Program(image, viaEntrypoint: false),
            "docker-entrypoint.sh" when argv.Count == 1 || image.ShortName is "nginx" or "redis" or "postgres" => Default(image),
            "redis-server" => Redis.Program(image),
            "httpd-foreground" or "httpd" => Httpd.Program(image),
            "postgres" => Postgres.Program(image),
            _ => null,
        };
    }

    private static bool IsShellBuiltin(string name) =>
        name is "echo" or "printf" or "sleep" or "date" or "hostname" or "env" or "printenv" or "cat" or "seq" or "true" or "false"
            or "whoami" or "id" or "uname" or "pwd" or "exit";
}
