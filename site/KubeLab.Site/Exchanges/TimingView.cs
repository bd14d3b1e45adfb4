using System.Globalization;
using KubeLab.ControlPlane.Pipeline;

namespace KubeLab.Site.Exchanges;

/// <summary>
/// How long the simulated API server really took to answer one exchange, in words: "answered in 0.8 ms", and for a
/// watch or followed log how long it stayed open. The cluster's clock is simulated in a lesson, so this is the one
/// honest duration: the server's own, measured on the machine that runs it (no network in between, unlike the
/// "in 12 milliseconds" of kubectl -v=6, which times the round trip from the client).
/// </summary>
/// <param name="Text">What the exchange card shows.</param>
/// <param name="Explanation">What the text measures, for its tooltip.</param>
public sealed record TimingView(string Text, string Explanation)
{
    private const string Measured = "Real time the simulated API server took, from receiving the request to sending the response's status line"
        + " and headers; measured on the server, so no network is included (kubectl -v=6 prints the round trip as \"in N milliseconds\")."
        + " It differs from run to run and is never part of a lesson's transcript.";

    /// <summary>Null when the server never answered (nothing was measured).</summary>
    public static TimingView? Of(ExchangeTiming timing, bool streamed)
    {
        if (timing.UntilResponse is not { } answered) return null;
        if (!streamed) return new TimingView($"answered in {Duration(answered)}", Measured);
        return timing.UntilEnd is { } ended
            ? new TimingView($"answered in {Duration(answered)}, open for {Duration(ended)}", Measured + " A stream's second time is how long it stayed open.")
            : new TimingView($"answered in {Duration(answered)}, still open", Measured + " This stream was still open when it was recorded.");
    }

    /// <summary>"0.04 ms", "0.8 ms", "12 ms", "2.4 s": as a person reads a duration, without false precision.</summary>
    public static string Duration(TimeSpan elapsed)
    {
        var ms = elapsed.TotalMilliseconds;
        return ms switch
        {
            < 0.1 => ms.ToString("0.0#", CultureInfo.InvariantCulture) + " ms",
            < 10 => ms.ToString("0.0", CultureInfo.InvariantCulture) + " ms",
            < 1000 => ms.ToString("0", CultureInfo.InvariantCulture) + " ms",
            _ => elapsed.TotalSeconds.ToString(elapsed.TotalSeconds < 10 ? "0.0" : "0", CultureInfo.InvariantCulture) + " s",
        };
    }
}
