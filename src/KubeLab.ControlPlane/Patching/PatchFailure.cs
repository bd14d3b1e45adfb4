using KubeLab.ControlPlane.Errors;

namespace KubeLab.ControlPlane.Patching;

/// <summary>How the apiserver answers a patch library error.</summary>
public enum PatchFailureKind
{
    /// <summary>400 BadRequest carrying the library's text.</summary>
    BadRequest,
    /// <summary>422 with the fixed generic text (the library's text is dropped).</summary>
    Rejected,
    /// <summary>A plain Go error: 500 with no reason and the library's text.</summary>
    Unexpected,
}

/// <summary>
/// A patch that cannot be applied, worded as the upstream library words it (json-patch,
/// strategicpatch). <see cref="ToStatus"/> turns it into the Status the real server answers with.
/// </summary>
public sealed class PatchFailure(string message, PatchFailureKind kind) : Exception(message)
{
    public PatchFailureKind Kind { get; } = kind;

    public ApiException ToStatus() => Kind switch
    {
        PatchFailureKind.BadRequest => StatusErrors.BadRequest(Message),
        PatchFailureKind.Rejected => PatchErrors.Rejected(),
        _ => PatchErrors.Unexpected(Message),
    };

    internal static PatchFailure Bad(string message) => new(message, PatchFailureKind.BadRequest);

    internal static PatchFailure Rejected(string message) => new(message, PatchFailureKind.Rejected);

    internal static PatchFailure Unexpected(string message) => new(message, PatchFailureKind.Unexpected);
}
