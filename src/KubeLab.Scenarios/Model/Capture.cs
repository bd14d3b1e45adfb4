namespace KubeLab.Scenarios.Model;

public enum CaptureSource { Stdout, Stderr, Response, Object }

/// <summary>
/// A value read after a step and kept as text under <see cref="Name"/> for <c>${name}</c> in later
/// steps: a stream (whole, trimmed, or the first group of <see cref="Matching"/>), a response's
/// JSON at <see cref="Path"/> or its <see cref="Header"/>, or an object's value at <see cref="Path"/>.
/// Non-string JSON values are kept as their JSON text.
/// </summary>
public sealed record Capture(
    string Name,
    CaptureSource From,
    ObjectPath? Path,
    ObjectRef? Ref,
    ExchangeSelector Exchange,
    string? Header,
    string? Matching,
    SourcePosition At);
