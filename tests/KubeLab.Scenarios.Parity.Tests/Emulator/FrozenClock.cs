namespace KubeLab.Scenarios.Parity.Tests.Emulator;

/// <summary>A clock that stands still (timers still run in real time), so both twins compute the same ages.</summary>
public sealed class FrozenClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
