namespace KubeLab.Scenarios.Curl;

/// <summary>What one transfer did, for <c>-w</c> and the progress meter.</summary>
internal sealed class CurlTransfer(CurlUrl? url, CurlRequest? request)
{
    public CurlUrl? Url { get; } = url;
    public CurlRequest? Request { get; } = request;
    public bool Connected { get; set; }
    public int Status { get; set; }
    public string HttpVersion { get; set; } = "";
    public string? ContentType { get; set; }
    public int ResponseHeaderCount { get; set; }
    public long ResponseHeadBytes { get; set; }
    public long Downloaded { get; set; }
    public long? ExpectedDownload { get; set; }
    public int VerifyResult { get; set; }
    public TimeSpan Elapsed { get; set; }
    public CurlFailure? Failure { get; set; }

    public long RequestHeadBytes => Request is null || !Connected ? 0 : System.Text.Encoding.UTF8.GetByteCount(Request.Head);
    public long Uploaded => Connected && Request?.Body is { } body ? body.Length : 0;
}
