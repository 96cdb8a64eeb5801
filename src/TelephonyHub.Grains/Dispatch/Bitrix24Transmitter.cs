using System.Diagnostics;
using TelephonyHub.Bitrix24.Rest;

namespace TelephonyHub.Grains.Dispatch;

/// <summary>
/// Sends prepared requests: one alone as its own REST call, several as one <c>batch</c>. The send is a span in the
/// trace of the (first) PBX event that caused it, linked to the traces of the others in the batch.
/// </summary>
public sealed class Bitrix24Transmitter(Bitrix24RestClient client)
{
    public async Task<IReadOnlyList<(PreparedRequest Sent, Bitrix24Error? Error, object? Value)>> SendAsync(
        Bitrix24Connection connection, IReadOnlyList<PreparedRequest> requests, CancellationToken cancellationToken)
    {
        using var activity = StartActivity(requests);
        if (requests.Count == 1)
        {
            var outcome = await client.SendAsync(connection, requests[0].Request, cancellationToken);
            activity?.SetTag("bitrix24.error", outcome.Error?.Kind.ToString());
            return [(requests[0], outcome.Error, outcome.Value)];
        }

        var commands = requests.Select(r => new Bitrix24BatchCommand($"q{r.Item.Sequence}", r.Request)).ToList();
        var batch = await client.BatchAsync(connection, commands, halt: false, cancellationToken);
        activity?.SetTag("bitrix24.error", batch.Error?.Kind.ToString());
        return [.. requests.Select(r => batch[$"q{r.Item.Sequence}"]).Zip(requests, (item, sent) => (sent, item.Error, item.Value))];
    }

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
