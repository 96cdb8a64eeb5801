using System.Diagnostics;
using TelephonyHub.Bitrix24.Rest;

namespace TelephonyHub.Grains.Dispatch;

/// <summary>
/// Sends prepared requests: one alone as its own REST call, several as one <c>batch</c> (reference §1.6), and maps
/// the answers back to each request. The send is a span in the trace of the (first) PBX event that caused it, linked
/// to the traces of the others in the batch.
/// </summary>
public sealed class Bitrix24Transmitter(Bitrix24RestClient client)
{
    public async Task<Transmission> SendAsync(
        Bitrix24Connection connection, IReadOnlyList<PreparedRequest> requests, CancellationToken cancellationToken)
    {
        using var activity = StartActivity(requests);
        if (requests.Count == 1)
        {
            var outcome = await client.SendAsync(connection, requests[0].Request, cancellationToken);
            activity?.SetTag("bitrix24.error", outcome.Error?.Kind.ToString());
            return new Transmission(
                [new SentOutcome(requests[0], outcome.Error, outcome.Value, outcome.Timing)],
                outcome.Error is { } error && IsRequestLevel(error) ? error : null);
        }

        var commands = requests.Select(r => new Bitrix24BatchCommand(Key(r), r.Request)).ToList();
        var batch = await client.BatchAsync(connection, commands, halt: false, cancellationToken);
        activity?.SetTag("bitrix24.error", batch.Error?.Kind.ToString());
        var outcomes = requests.Select(r =>
        {
            var item = batch[Key(r)];
            return new SentOutcome(r, item.Error, item.Value, item.Timing);
        });
        return new Transmission([.. outcomes], batch.Error);
    }

    /// <summary>
    /// Failures that say nothing about the method but about the portal or our access to it. A single request's
    /// validation error or OPERATION_TIME_LIMIT is its own (the latter blocks only that method, reference §2.2).
    /// </summary>
    private static bool IsRequestLevel(Bitrix24Error error) => error.Kind is Bitrix24ErrorKind.Transient
        or Bitrix24ErrorKind.QueryLimitExceeded or Bitrix24ErrorKind.ExpiredToken or Bitrix24ErrorKind.InvalidToken
        or Bitrix24ErrorKind.AppRevoked;

    private static string Key(PreparedRequest request) => $"q{request.Item.Sequence}";

    private static Activity? StartActivity(IReadOnlyList<PreparedRequest> requests)
    {
        var contexts = requests
            .Select(r => ActivityContext.TryParse(r.Item.Request.TraceParent, null, out var context) ? context : (ActivityContext?)null)
            .OfType<ActivityContext>()
            .ToList();
        var parent = contexts.Count > 0 ? contexts[0] : default;
        var activity = GrainsActivitySource.Instance.StartActivity(
            requests.Count == 1 ? $"bitrix24 {requests[0].Request.Method}" : "bitrix24 batch",
            ActivityKind.Client,
            parent,
            links: contexts.Skip(1).Select(c => new ActivityLink(c)));
        activity?.SetTag("bitrix24.method_calls", requests.Count);
        return activity;
    }
}
