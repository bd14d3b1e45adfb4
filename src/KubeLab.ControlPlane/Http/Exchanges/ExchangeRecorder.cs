using System.Diagnostics;
using KubeLab.ControlPlane.Pipeline;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace KubeLab.ControlPlane.Http.Exchanges;

/// <summary>
/// The outermost filter: records the request as it arrived and the response as it is written, byte for byte,
/// into the cluster's <see cref="ExchangeLog"/>. Bodies are kept up to a bound; beyond it the record says so.
/// The cluster's clock stamps when it happened; a stopwatch measures how long it really took (<see cref="ExchangeTiming"/>).
/// </summary>
internal sealed class ExchangeRecorder(ExchangeLog log, TimeProvider clock)
{
    public const int MaxRecordedBody = 4 * 1024 * 1024;

    public RequestDelegate Wrap(RequestDelegate next) => async http =>
    {
        var arrived = Stopwatch.GetTimestamp();
        var api = http.Features.Get<ApiRequest>();
        var request = http.Features.Get<IHttpRequestFeature>();
        var exchange = new Exchange
        {
            Sequence = log.NextSequence(),
            AuditId = api?.AuditId ?? "",
            Started = clock.GetUtcNow(),
            Method = http.Request.Method,
            Target = request?.RawTarget is { Length: > 0 } raw ? raw : http.Request.Path + http.Request.QueryString,
            Protocol = http.Request.Protocol,
            RequestHeaders = http.Request.Headers.SelectMany(h => h.Value.Select(v => KeyValuePair.Create(h.Key, v ?? ""))).ToList(),
            Trace = api?.Trace ?? new RequestTrace(),
        };
        var requestBody = new RecordingRequestStream(http.Request.Body);
        http.Request.Body = requestBody;
        var responseBody = new RecordingResponseBody(http.Features.Get<IHttpResponseBodyFeature>()!, exchange, http, arrived);
        http.Features.Set<IHttpResponseBodyFeature>(responseBody);
        if (api is not null) exchange.ReadUserFrom(() => api.User);
        log.Begin(exchange);
        try
        {
            await next(http);
        }
        finally
        {
            await requestBody.DrainAsync();
            exchange.RequestBody = requestBody.Recorded;
            responseBody.CaptureHead();
            exchange.Completed = clock.GetUtcNow();
            exchange.EndedAfter(Stopwatch.GetElapsedTime(arrived));
            log.End(exchange);
        }
    };
}
