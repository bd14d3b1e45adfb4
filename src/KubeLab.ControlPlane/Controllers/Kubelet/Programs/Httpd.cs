using System.Globalization;

namespace KubeLab.ControlPlane.Controllers.Kubelet.Programs;

/// <summary>The official httpd image: the ServerName warnings, the start notices, access lines, and the graceful SIGWINCH stop.</summary>
public static class Httpd
{
    public static ContainerProgram Program(ImageReference image) => new ScriptedProgram(
        startup: context =>
        {
            var warning = $"AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using {context.PodIp ?? "127.0.0.1"}. Set the 'ServerName' directive globally to suppress this message";
            var stamp = Time(context.StartedAt + TimeSpan.FromMilliseconds(21));
            return ScriptedProgram.Lines(TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(5),
            [
                warning,
                warning,
                $"[{stamp}] [mpm_event:notice] [pid 1:tid 1] AH00489: Apache/2.4.65 (Unix) configured -- resuming normal operations",
                $"[{stamp}] [core:notice] [pid 1:tid 1] AH00094: Command line: 'httpd -D FOREGROUND'",
            ]);
        },
        traffic: context => SimulatedTraffic.Schedule(context, TimeSpan.FromSeconds(1)).Select(request =>
        {
            var time = (context.StartedAt + request.At).UtcDateTime.ToString("dd/MMM/yyyy:HH:mm:ss", CultureInfo.InvariantCulture);
            var result = request.Path == "/" ? "200 45" : "404 196";
            return new LogLine(request.At, $"{request.Client} - - [{time} +0000] \"GET {request.Path} HTTP/1.1\" {result}\n");
        }),
        stop: (_, at) => new StopReaction(TimeSpan.FromMilliseconds(60), 0,
            [$"[{Time(at)}] [mpm_event:notice] [pid 1:tid 1] AH00492: caught SIGWINCH, shutting down gracefully"]));

    private static string Time(DateTimeOffset at) =>
        at.UtcDateTime.ToString("ddd MMM dd HH:mm:ss.ffffff yyyy", CultureInfo.InvariantCulture);
}
