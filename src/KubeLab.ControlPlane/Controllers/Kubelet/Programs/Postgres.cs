using System.Globalization;

namespace KubeLab.ControlPlane.Controllers.Kubelet.Programs;

/// <summary>
/// The official postgres image. Without POSTGRES_PASSWORD (or POSTGRES_HOST_AUTH_METHOD) it refuses to
/// initialise and exits 1, the classic first CrashLoopBackOff; with one it initialises and serves.
/// </summary>
public static class Postgres
{
    private static readonly string[] MissingPassword =
    [
        "Error: Database is uninitialized and superuser password is not specified.",
        "       You must specify POSTGRES_PASSWORD to a non-empty value for the",
        "       superuser. For example, \"-e POSTGRES_PASSWORD=password\" on \"docker run\".",
        "",
        "       You may also use \"POSTGRES_HOST_AUTH_METHOD=trust\" to allow all",
        "       connections without a password. This is *not* recommended.",
        "",
        "       See PostgreSQL documentation about \"trust\":",
        "       https://www.postgresql.org/docs/current/auth-trust.html",
    ];

    private static readonly string[] InitDb =
    [
        "The files belonging to this database system will be owned by user \"postgres\".",
        "This user must also own the server process.",
        "",
        "The database cluster will be initialized with locale \"en_US.utf8\".",
        "The default database encoding has accordingly been set to \"UTF8\".",
        "The default text search configuration will be set to \"english\".",
        "",
        "Data page checksums are disabled.",
        "",
        "fixing permissions on existing directory /var/lib/postgresql/data ... ok",
        "creating subdirectories ... ok",
        "selecting dynamic shared memory implementation ... posix",
        "selecting default \"max_connections\" ... 100",
        "selecting default \"shared_buffers\" ... 128MB",
        "selecting default time zone ... Etc/UTC",
        "creating configuration files ... ok",
        "running bootstrap script ... ok",
        "performing post-bootstrap initialization ... ok",
        "syncing data to disk ... ok",
        "",
        "",
        "Success. You can now start the database server using:",
        "",
        "    pg_ctl -D /var/lib/postgresql/data -l logfile start",
        "",
    ];

    public static ContainerProgram Program(ImageReference image)
    {
        var major = image.Tag is [>= '1' and <= '9', >= '0' and <= '9', ..] ? image.Tag[..2] : "17";
        var version = $"{major}.5";
        return new ScriptedProgram(
            startup: context => Configured(context) ? Serving(context, version) : ScriptedProgram.Lines(TimeSpan.FromMilliseconds(20), TimeSpan.Zero, MissingPassword),
            exit: context => Configured(context) ? null : (TimeSpan.FromMilliseconds(40), 1),
            stop: (_, at) => new StopReaction(TimeSpan.FromMilliseconds(150), 0,
            [
                $"{Time(at)} [1] LOG:  received fast shutdown request",
                $"{Time(at)} [1] LOG:  aborting any active transactions",
                $"{Time(at + TimeSpan.FromMilliseconds(2))} [1] LOG:  background worker \"logical replication launcher\" (PID 66) exited with exit code 1",
                $"{Time(at + TimeSpan.FromMilliseconds(3))} [61] LOG:  shutting down",
                $"{Time(at + TimeSpan.FromMilliseconds(9))} [1] LOG:  database system is shut down",
            ]));
    }

    private static bool Configured(ProgramContext context) =>
        context.Environment.GetValueOrDefault("POSTGRES_PASSWORD", "").Length > 0 ||
        context.Environment.GetValueOrDefault("POSTGRES_HOST_AUTH_METHOD", "") == "trust";

    private static IEnumerable<LogLine> Serving(ProgramContext context, string version)
    {
        foreach (var line in ScriptedProgram.Lines(TimeSpan.FromMilliseconds(30), TimeSpan.FromMilliseconds(40), InitDb)) yield return line;
        var ready = TimeSpan.FromMilliseconds(1800);
        var started = context.StartedAt + ready;
        string build = $"PostgreSQL {version} (Debian {version}-1.pgdg120+1) on x86_64-pc-linux-gnu, compiled by gcc (Debian 12.2.0-14+deb12u1) 12.2.0, 64-bit";
        foreach (var line in ScriptedProgram.Lines(ready, TimeSpan.FromMilliseconds(3),
        [
            "PostgreSQL init process complete; ready for start up.",
            "",
            $"{Time(started)} [1] LOG:  starting {build}",
            $"{Time(started)} [1] LOG:  listening on IPv4 address \"0.0.0.0\", port 5432",
            $"{Time(started)} [1] LOG:  listening on IPv6 address \"::\", port 5432",
            $"{Time(started)} [1] LOG:  listening on Unix socket \"/var/run/postgresql/.s.PGSQL.5432\"",
            $"{Time(started)} [63] LOG:  database system was shut down at {started.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} UTC",
            $"{Time(started)} [1] LOG:  database system is ready to accept connections",
        ]))
            yield return line;
    }

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture) + " UTC";
}
