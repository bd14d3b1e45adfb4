using KubeLab.Scenarios.Running;

namespace KubeLab.Site.Lessons;

/// <summary>
/// A lesson run that one operation at a time may use (a session's), each run off the caller's synchronization context
/// (a Blazor circuit's) so the runner's awaits never wait on the UI. Disposing waits for the operation under way.
/// </summary>
internal sealed class SerializedRun : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>The run; read and replace it only inside <see cref="UseAsync{T}"/>.</summary>
    public LessonRun? Run { get; set; }

    public async Task<T> UseAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return await Task.Run(work, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (Run is not null) await Run.DisposeAsync();
            Run = null;
        }
        finally
        {
            _gate.Release();
            _gate.Dispose();
        }
    }
}
