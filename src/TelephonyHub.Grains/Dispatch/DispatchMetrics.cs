using System.Diagnostics.Metrics;
using TelephonyHub.Bitrix24.Rest;

namespace TelephonyHub.Grains.Dispatch;

/// <summary>
/// The dispatch's metrics (meter <c>TelephonyHub.Dispatch</c>), tagged by portal so an operator can see the one
/// portal in trouble: requests queued, HTTP requests made, method calls by result.
/// </summary>
public sealed class DispatchMetrics
{
    public const string MeterName = "TelephonyHub.Dispatch";

    private readonly Counter<long> _enqueued;
    private readonly Counter<long> _httpRequests;
    private readonly Counter<long> _batched;
    private readonly Counter<long> _answers;

    public DispatchMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _enqueued = meter.CreateCounter<long>("telephonyhub.dispatch.enqueued", "{request}", "Bitrix24 requests stored for sending");
        _httpRequests = meter.CreateCounter<long>("telephonyhub.dispatch.http_requests", "{request}", "HTTP requests made to portals (a batch is one)");
        _batched = meter.CreateCounter<long>("telephonyhub.dispatch.batched", "{request}", "Bitrix24 method calls sent inside a batch");
        _answers = meter.CreateCounter<long>("telephonyhub.dispatch.answers", "{request}", "Bitrix24 method calls answered, by method and result");
    }

    public void Enqueued(string portalId, int count) => _enqueued.Add(count, Portal(portalId));

    public void HttpRequestSent(string portalId, int methodCalls)
    {
        _httpRequests.Add(1, Portal(portalId));
        if (methodCalls > 1)
        {
            _batched.Add(methodCalls, Portal(portalId));
        }
    }

    public void Answered(string portalId, IEnumerable<(PreparedRequest Sent, Bitrix24Error? Error, object? Value)> outcomes)
    {
        foreach (var (sent, error, _) in outcomes)
        {
            _answers.Add(1, Portal(portalId),
                new KeyValuePair<string, object?>("method", sent.Request.Method),
                new KeyValuePair<string, object?>("result", error is null ? "ok" : error.Kind.ToString()));
        }
    }

    private static KeyValuePair<string, object?> Portal(string portalId) => new("portal", portalId);
}
