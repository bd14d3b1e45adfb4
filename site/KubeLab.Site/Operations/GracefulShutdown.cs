using System.Runtime.InteropServices;
using KubeLab.Site.Learners;
using Microsoft.Extensions.Options;

namespace KubeLab.Site.Operations;

/// <summary>
/// How the site stops on SIGTERM (a pod being deleted or rolled): it drains first. At once it admits no new learner
/// (the "try again" page) and reports not ready, while the pages open keep working; once none is connected, or after
/// <see cref="LearnerOptions.ShutdownTimeout"/>, it stops the host, which closes the circuits, stops Kestrel and the
/// connect endpoint and disposes the learners' clusters, within <see cref="LearnerOptions.StopTimeout"/>.
/// </summary>
/// <remarks>
/// The drain has to come before <see cref="IHostApplicationLifetime.StopApplication"/>, not on ApplicationStopping:
/// SignalR closes every connection, so every circuit, the moment ApplicationStopping fires, and Kestrel stops accepting
/// requests (the readiness probe's too) as the host stops. Ctrl+C (SIGINT) and SIGQUIT stop at once, as a developer
/// expects; a second SIGTERM ends the drain.
/// </remarks>
public sealed class GracefulShutdown(SessionGate gate, CircuitCount circuits, IHostApplicationLifetime lifetime, TimeProvider clock,
    IOptions<LearnerOptions> options, ILogger<GracefulShutdown> log)
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(200);
    private Task? _draining;
    private readonly Lock _sync = new();

    /// <summary>Begins the drain (once; a second call stops at once) and returns it; it ends by stopping the host.</summary>
    public Task DrainAsync()
    {
        lock (_sync)
        {
            if (_draining is not null)
            {
                log.LogInformation("Stopping now, without waiting for the open pages");
                lifetime.StopApplication();
                return _draining;
            }
            gate.BeginDraining();
            return _draining = Task.Run(DrainThenStopAsync);
        }
    }

    private async Task DrainThenStopAsync()
    {
        var timeout = options.Value.ShutdownTimeout;
        log.LogInformation("Shutting down: no new learners; waiting up to {Timeout} for {Circuits} connected page(s)", timeout, circuits.Connected);
        var started = clock.GetTimestamp();
        while (circuits.Connected > 0 && clock.GetElapsedTime(started) < timeout && !lifetime.ApplicationStopping.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(Poll, clock, lifetime.ApplicationStopping);
            }
            catch (OperationCanceledException)
            {
                // Stopped meanwhile (a second signal).
            }
        }
        if (circuits.Connected > 0) log.LogWarning("Stopping with {Circuits} page(s) still connected after {Timeout}", circuits.Connected, timeout);
        lifetime.StopApplication();
    }

    /// <summary>The host's lifetime in place of the console one: signals as described above.</summary>
    internal sealed class Lifetime(GracefulShutdown shutdown, IHostApplicationLifetime lifetime, ILogger<GracefulShutdown> log) : IHostLifetime, IDisposable
    {
        private readonly List<PosixSignalRegistration> _signals = [];

        public Task WaitForStartAsync(CancellationToken cancellationToken)
        {
            _signals.Add(PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
            {
                context.Cancel = true;
                _ = shutdown.DrainAsync();
            }));
            foreach (var signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGQUIT })
            {
                _signals.Add(PosixSignalRegistration.Create(signal, context =>
                {
                    context.Cancel = true;
                    lifetime.StopApplication();
                }));
            }
            lifetime.ApplicationStarted.Register(() => log.LogInformation("Application started. Press Ctrl+C to shut down (SIGTERM drains first)."));
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public void Dispose()
        {
            foreach (var signal in _signals) signal.Dispose();
        }
    }
}
