using System.Globalization;

namespace KubeLab.ControlPlane.Controllers.Kubelet.Programs;

/// <summary>The official redis image: its start-up log (memory overcommit warning included) and its SIGTERM shutdown.</summary>
public static class Redis
{
    public static ContainerProgram Program(ImageReference image) => new ScriptedProgram(
        startup: context =>
        {
            var version = image.Tag is [>= '0' and <= '9', ..] && image.Tag.Count(c => c == '.') == 2 ? image.Tag.Split('-')[0] : "8.0.3";
            var child = Time(context.StartedAt + TimeSpan.FromMilliseconds(3));
            var master = Time(context.StartedAt + TimeSpan.FromMilliseconds(4));
            return ScriptedProgram.Lines(TimeSpan.FromMilliseconds(3), TimeSpan.FromMilliseconds(1),
            [
                $"1:C {child} # WARNING Memory overcommit must be enabled! Without it, a background save or replication may fail under low memory condition. Being disabled, it can also cause failures without low memory condition, see https://github.com/jemalloc/jemalloc/issues/1328. To fix this issue add 'vm.overcommit_memory = 1' to /etc/sysctl.conf and then reboot or run the command 'sysctl vm.overcommit_memory=1' for this to take effect.",
                $"1:C {child} * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo",
                $"1:C {child} * Redis version={version}, bits=64, commit=00000000, modified=1, pid=1, just started",
                $"1:C {child} # Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf",
                $"1:M {master} * monotonic clock: POSIX clock_gettime",
                $"1:M {master} * Running mode=standalone, port=6379.",
                $"1:M {master} * Server initialized",
                $"1:M {master} * Ready to accept connections tcp",
            ]);
        },
        stop: (_, at) => new StopReaction(TimeSpan.FromMilliseconds(110), 0,
        [
            $"1:signal-handler ({at.ToUnixTimeSeconds()}) Received SIGTERM scheduling shutdown...",
            $"1:M {Time(at + TimeSpan.FromMilliseconds(100))} * User requested shutdown...",
            $"1:M {Time(at + TimeSpan.FromMilliseconds(100))} * Saving the final RDB snapshot before exiting.",
            $"1:M {Time(at + TimeSpan.FromMilliseconds(102))} * DB saved on disk",
            $"1:M {Time(at + TimeSpan.FromMilliseconds(102))} # Redis is now ready to exit, bye bye...",
        ]));

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("dd MMM yyyy HH:mm:ss.fff", CultureInfo.InvariantCulture);
}
