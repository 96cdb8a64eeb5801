using System.Collections.Immutable;
using TelephonyHub.PortalEmulator.Portals;

namespace TelephonyHub.PortalEmulator.Events;

/// <summary>
/// Posts events form-encoded with PHP brackets, once: Bitrix24 never retries (reference §4.1). Every attempt is
/// recorded in the portal's <see cref="PortalSnapshot.EventDeliveries"/>.
/// </summary>
public sealed partial class EventSender(IHttpClientFactory http, TimeProvider time, ILogger<EventSender> logger)
{
    /// <summary>Named HttpClient for event delivery (timeout from the options).</summary>
    public const string Client = "events";

    private const int KeptResponseChars = 4096;

    /// <summary>Sends one event to one handler and returns what happened.</summary>
    public async Task<EventDelivery> SendAsync(Portal portal, string handler, ImmutableArray<EventField> fields, CancellationToken cancellationToken)
    {
        var code = fields.First(f => f.Name == "event").Value;
        var at = time.GetUtcNow();
        int? status = null;
        string body;
        try
        {
            // FormUrlEncodedContent writes brackets as %5B/%5D and spaces as '+', as PHP's http_build_query does.
            using var content = new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
            using var response = await http.CreateClient(Client).PostAsync(new Uri(handler), content, cancellationToken).ConfigureAwait(false);
            status = (int)response.StatusCode;
            body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            LogDelivered(logger, code, portal.Domain, handler, status.Value);
        }
        catch (Exception error) when (error is HttpRequestException or TaskCanceledException or UriFormatException)
        {
            body = error.Message;
            LogFailed(logger, code, portal.Domain, handler, error.Message);
        }

        var delivery = new EventDelivery(at, code, handler, fields, status, body.Length > KeptResponseChars ? body[..KeptResponseChars] : body);
        portal.Update(s => s with { EventDeliveries = s.EventDeliveries.Add(delivery) });
        return delivery;
    }
}
