using KubeLab.ControlPlane.Catalog;
using KubeLab.Scenarios.Http;
using KubeLab.Scenarios.Running;
using KubeLab.Scenarios.Transcripts;

namespace KubeLab.Site.Exchanges;

/// <summary>One side of an exchange as it crossed the wire: its start line, its header lines in order, its body.</summary>
public sealed record MessageView(string StartLine, IReadOnlyList<HeaderField> Headers, BodyView Body);

/// <summary>
/// One exchange of a step, ready to render: the request and response as the HTTP/1.1 messages on the wire
/// (header order and framing as kubectl and kube-apiserver write them), the pipeline picture of its trace,
/// who sent it, the curl command that sends it again, and how long the server took.
/// </summary>
/// <param name="Response">Null when the server wrote no response (the client went away first).</param>
/// <param name="Discovery">Discovery or OpenAPI: a client finding its way rather than what the step is about.</param>
/// <param name="Timing">How long the server really took; null when it never answered.</param>
public sealed record ExchangeView(
    long Sequence,
    string Method,
    string Target,
    int Status,
    string StatusText,
    string User,
    IReadOnlyList<string> Groups,
    MessageView Request,
    MessageView? Response,
    IReadOnlyList<StageView> Pipeline,
    string Curl,
    bool Discovery,
    TimingView? Timing)
{
    public string Id => $"exchange-{Sequence}";

    public StageView? Decider => Pipeline.FirstOrDefault(s => s.State is StageState.Answered or StageState.Refused);

    public static ExchangeView From(ExchangeRecord record, ResourceCatalog catalog)
    {
        var wire = WireExchange.From(record);
        var request = ExchangeWire.Request(wire);
        var response = ExchangeWire.Response(wire);
        return new ExchangeView(
            record.Sequence, record.Method, record.Target, record.Status,
            record.Status == 0 ? "no response" : $"{record.Status} {StatusPhrases.Of(record.Status)}".TrimEnd(),
            record.User, record.Groups,
            Message(request, record, catalog),
            response is null ? null : Message(response, record, catalog),
            PipelineViews.Of(record),
            CurlCommand.From(request, record.Method, record.Target),
            DiscoveryRequests.IsDiscovery(record.Path),
            response is null ? null : TimingView.Of(record.Timing, response.Streamed));
    }

    private static MessageView Message(WireMessage message, ExchangeRecord record, ResourceCatalog catalog) =>
        new(message.StartLine, message.Headers, BodyViews.Of(message, record.Method, record.Path, catalog));
}
