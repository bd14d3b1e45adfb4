using KubeLab.ControlPlane.Api.Meta;
using KubeLab.Scenarios.Kubectl.Output;

namespace KubeLab.Scenarios.Tests.Kubectl.Output;

public class ErrorPrinterTests
{
    private static KubectlError Error(string? reason, string message, StatusDetails? details = null) =>
        KubectlError.FromStatus(new Status { Outcome = "Failure", Reason = reason, Message = message, Details = details });

    [Test]
    public void StatusErrorsNameTheirReason() =>
        Assert.That(ErrorPrinter.Failure(Error("NotFound", "pods \"nope\" not found")),
            Is.EqualTo(KubectlOutput.Failure("Error from server (NotFound): pods \"nope\" not found\n")));

    [Test]
    public void AStatusWithoutAReasonHasNoParentheses() =>
        Assert.That(ErrorPrinter.Format([Error(null, "boom")]), Is.EqualTo("Error from server: boom\n"));

    [Test]
    public void UnauthorizedAsksToLogIn() =>
        Assert.That(ErrorPrinter.Format([Error("Unauthorized", "Unauthorized")]),
            Is.EqualTo("error: You must be logged in to the server (Unauthorized)\n"));

    [Test]
    public void FileBasedErrorsNameTheFile() =>
        Assert.That(ErrorPrinter.Format([Error("AlreadyExists", "pods \"web\" already exists").WithSource("creating", "pod.yaml")]),
            Is.EqualTo("Error from server (AlreadyExists): error when creating \"pod.yaml\": pods \"web\" already exists\n"));

    [Test]
    public void ClientErrorsArePrefixed() =>
        Assert.That(ErrorPrinter.Format([Error("AlreadyExists", "deployments.apps \"web\" already exists").Wrapped("failed to create deployment: ")]),
            Is.EqualTo("error: failed to create deployment: deployments.apps \"web\" already exists\n"));

    [Test]
    public void InvalidWithOneCauseIsOneLine()
    {
        var details = new StatusDetails { Kind = "Pod", Name = "Bad", Causes = [new StatusCause { Field = "metadata.name", Message = "Invalid value: \"Bad\"" }] };
        Assert.That(ErrorPrinter.Format([Error("Invalid", "ignored", details)]),
            Is.EqualTo("The Pod \"Bad\" is invalid: metadata.name: Invalid value: \"Bad\"\n"));
    }

    [Test]
    public void InvalidWithSeveralCausesListsThemOncePerLine()
    {
        var cause = new StatusCause { Field = "a", Message = "x" };
        var details = new StatusDetails { Kind = "Pod", Name = "p", Causes = [cause, new StatusCause { Field = "b", Message = "y" }, cause] };
        Assert.That(ErrorPrinter.Format([Error("Invalid", "ignored", details)]),
            Is.EqualTo("The Pod \"p\" is invalid: \n* a: x\n* b: y\n"));
    }

    [Test]
    public void SeveralErrorsPrintOneStandardLineEach() =>
        Assert.That(ErrorPrinter.Format([Error("NotFound", "pods \"a\" not found"), Error("NotFound", "pods \"b\" not found")]),
            Is.EqualTo("Error from server (NotFound): pods \"a\" not found\nError from server (NotFound): pods \"b\" not found\n"));

    [Test]
    public void WarningHeadersPrintOncePerText()
    {
        var warnings = new WarningHeaders();
        warnings.Handle(["299 - \"first \\\"quoted\\\"\"", "299 - \"first \\\"quoted\\\"\", 299 - \"second\""]);
        warnings.Handle(["199 - \"not persistent\""]);
        Assert.That(warnings.Stderr, Is.EqualTo("Warning: first \"quoted\"\nWarning: second\n"));
    }
}
