using TelephonyHub.Bitrix24.Rest;

namespace TelephonyHub.Grains.Dispatch;

/// <summary>Sends prepared requests: one alone as its own REST call, several as one <c>batch</c>.</summary>
public sealed class Bitrix24Transmitter(Bitrix24RestClient client)
{
    public async Task<IReadOnlyList<(PreparedRequest Sent, Bitrix24Error? Error, object? Value)>> SendAsync(
        Bitrix24Connection connection, IReadOnlyList<PreparedRequest> requests, CancellationToken cancellationToken)
    {
        if (requests.Count == 1)
        {
            var outcome = await client.SendAsync(connection, requests[0].Request, cancellationToken);
            return [(requests[0], outcome.Error, outcome.Value)];
        }

        var commands = requests.Select(r => new Bitrix24BatchCommand($"q{r.Item.Sequence}", r.Request)).ToList();
        var batch = await client.BatchAsync(connection, commands, halt: false, cancellationToken);
        return [.. requests.Select(r => batch[$"q{r.Item.Sequence}"]).Zip(requests, (item, sent) => (sent, item.Error, item.Value))];
    }
}
