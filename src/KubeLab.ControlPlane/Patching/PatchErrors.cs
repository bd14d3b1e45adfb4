using KubeLab.ControlPlane.Api.Meta;
using KubeLab.ControlPlane.Errors;

namespace KubeLab.ControlPlane.Patching;

/// <summary>
/// The Status answers that only patching produces, each shaped as the real apiserver shapes it
/// (staging/src/k8s.io/apiserver/pkg/endpoints/handlers/patch.go and its helpers).
/// </summary>
public static class PatchErrors
{
    /// <summary>
    /// An unknown Content-Type never reaches the patch handler: go-restful's route matching refuses it
    /// ("415: Unsupported Media Type") and the apiserver wraps that text with NewGenericServerResponse.
    /// </summary>
    public static ApiException UnsupportedPatchType() =>
        Failure(415, "UnsupportedMediaType", "415: Unsupported Media Type", new StatusDetails());

    /// <summary>
    /// A JSON patch that fails to apply (and the strategic-merge errors interpretStrategicMergePatchError
    /// maps to 422): NewGenericServerResponse(422) drops the library's text and keeps this fixed one.
    /// </summary>
    public static ApiException Rejected() =>
        Failure(422, "Invalid", "the server rejected our request due to an error in our request", new StatusDetails());

    /// <summary>
    /// A plain Go error that the real handler returns unconverted (most strategic-merge and apply failures),
    /// which kube-apiserver answers as a 500 with the error text. It is the client's patch that is wrong, so
    /// KubeLab answers 400 BadRequest with the same text: a learner never sees a server error for bad input.
    /// </summary>
    public static ApiException Unexpected(string message) => StatusErrors.BadRequest(message);

    public static ApiException TooManyOperations(int count) =>
        StatusErrors.RequestEntityTooLarge($"The allowed maximum operations in a JSON patch is {JsonPatch.MaxOperations}, got {count}");

    /// <summary>NewApplyConflict: 409 Conflict whose details carry only the causes.</summary>
    public static ApiException ApplyConflict(string message, List<StatusCause> causes) =>
        Failure(409, "Conflict", message, new StatusDetails { Causes = causes });

    private static ApiException Failure(int code, string? reason, string message, StatusDetails? details) =>
        new(new Status { Outcome = "Failure", Message = message, Reason = reason, Details = details, Code = code });
}
