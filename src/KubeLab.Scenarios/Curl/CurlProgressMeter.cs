using System.Globalization;

namespace KubeLab.Scenarios.Curl;

/// <summary>
/// The progress meter curl prints on stderr when the body goes to a file (lib/progress.c). The transfer is
/// in-process and the clock simulated, so its speed is shown as if the transfer took one millisecond.
/// </summary>
internal static class CurlProgressMeter
{
    public const string Header =
        "  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n" +
        "                                 Dload  Upload   Total   Spent    Left  Speed\n";

    private static readonly TimeSpan Nominal = TimeSpan.FromMilliseconds(1);

    public static string Start => Line(0, 0, 0, 0, 0, 0, TimeSpan.Zero);

    public static string Done(CurlTransfer t)
    {
        var uploadTotal = t.Uploaded;
        var downloadTotal = t.ExpectedDownload ?? t.Downloaded;
        return Line(uploadTotal + downloadTotal, t.Downloaded, downloadTotal, t.Uploaded, uploadTotal, t.Downloaded + t.Uploaded,
            t.Elapsed > TimeSpan.Zero ? t.Elapsed : Nominal) + "\n";
    }

    private static string Line(long total, long downloaded, long downloadTotal, long uploaded, long uploadTotal, long done, TimeSpan elapsed)
    {
        var micros = Math.Max(1, (long)(elapsed.TotalMilliseconds * 1000));
        var dlSpeed = elapsed == TimeSpan.Zero ? 0 : downloaded * 1_000_000 / micros;
        var ulSpeed = elapsed == TimeSpan.Zero ? 0 : uploaded * 1_000_000 / micros;
        return $"\r{Percent(done, total),3} {Max5(total)}  {Percent(downloaded, downloadTotal),3} {Max5(downloaded)}  " +
               $"{Percent(uploaded, uploadTotal),3} {Max5(uploaded)}  {Max5(dlSpeed)}  {Max5(ulSpeed)} --:--:-- --:--:-- --:--:-- {Max5(dlSpeed + ulSpeed)}";
    }

    private static long Percent(long part, long whole) => whole <= 0 ? 0 : part * 100 / whole;

    /// <summary>A size in at most five characters: <c>  379</c>, <c> 370k</c>, <c>12.3M</c>.</summary>
    public static string Max5(long bytes)
    {
        const long K = 1024, M = 1024 * K, G = 1024 * M;
        var text = bytes switch
        {
            < 100_000 => bytes.ToString(CultureInfo.InvariantCulture).PadLeft(5),
            < 10_000 * K => $"{bytes / K,4}k",
            < 100 * M => $"{bytes / M,2}.{bytes % M / (M / 10)}M",
            < 10_000 * M => $"{bytes / M,4}M",
            < 100 * G => $"{bytes / G,2}.{bytes % G / (G / 10)}G",
            _ => $"{bytes / G,4}G",
        };
        return text;
    }
}
