namespace KubeLab.ControlPlane.Controllers.Kubelet.Programs;

/// <summary>Programs with nothing to say: a server the simulator does not know, a shell without a terminal, pause.</summary>
public sealed class SilentProgram(TimeSpan? exitAfter = null, int exitCode = 0, bool handlesStop = true) : ContainerProgram
{
    /// <summary>An image the simulator does not know: it runs, silently, until stopped.</summary>
    public static readonly SilentProgram Forever = new();

    /// <summary>A shell (busybox, alpine, ubuntu) started with no command and no terminal: it reads EOF and exits 0.</summary>
    public static readonly SilentProgram ExitsAtOnce = new(TimeSpan.FromMilliseconds(10));

    public override IEnumerable<LogLine> Output(ProgramContext context) => [];

    public override (TimeSpan After, int ExitCode)? Exit(ProgramContext context) => exitAfter is { } after ? (after, exitCode) : null;

    public override StopReaction? OnStop(ProgramContext context, DateTimeOffset at) => handlesStop ? base.OnStop(context, at) : null;
}

/// <summary>The hello-world image: its famous message, then exit 0.</summary>
public static class HelloWorld
{
    private static readonly string[] Message =
    [
        "",
        "Hello from Docker!",
        "This message shows that your installation appears to be working correctly.",
        "",
        "To generate this message, Docker took the following steps:",
        " 1. The Docker client contacted the Docker daemon.",
        " 2. The Docker daemon pulled the \"hello-world\" image from the Docker Hub.",
        "    (amd64)",
        " 3. The Docker daemon created a new container from that image which runs the",
        "    executable that produces the output you are currently reading.",
        " 4. The Docker daemon streamed that output to the Docker client, which sent it",
        "    to your terminal.",
        "",
        "To try something more ambitious, you can run an Ubuntu container with:",
        " $ docker run -it ubuntu bash",
        "",
        "Share images, automate workflows, and more with a free Docker ID:",
        " https://hub.docker.com/",
        "",
        "For more examples and ideas, visit:",
        " https://docs.docker.com/get-started/",
        "",
    ];

    public static ContainerProgram Program() => new ScriptedProgram(
        startup: _ => ScriptedProgram.Lines(TimeSpan.FromMilliseconds(2), TimeSpan.Zero, Message),
        exit: _ => (TimeSpan.FromMilliseconds(5), 0));
}
