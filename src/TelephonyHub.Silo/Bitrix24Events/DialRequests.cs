using TelephonyHub.Abstractions.ClickToCall;
using TelephonyHub.Bitrix24.Events;

namespace TelephonyHub.Silo.Bitrix24Events;

/// <summary>
/// Maps a verified <c>ONEXTERNALCALLSTART</c> or <c>ONEXTERNALCALLBACKSTART</c> (reference §4.5) to the request the
/// click grain takes. The event's tokens stay behind: the hub acts with the tokens stored at install (§4.2).
/// </summary>
public static class DialRequests
{
    /// <summary>The request, or the <c>data[...]</c> field that is missing or malformed.</summary>
    /// <param name="evt">The verified event.</param>
    /// <param name="receivedAt">The hub's clock; stands in for <c>ts</c> when an event has none.</param>
    public static Bitrix24ParseResult<DialRequest> From(Bitrix24Event evt, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(evt);
        var queuedAt = evt.Timestamp ?? receivedAt;
        if (evt.Code == Bitrix24EventCodes.ExternalCallbackStart)
        {
            var callback = ExternalCallbackStartEvent.From(evt);
            return callback.IsSuccess
                ? Bitrix24ParseResult<DialRequest>.Success(new DialRequest
                {
                    ClickId = ClickKey.ForCallback(queuedAt, callback.Value.PhoneNumber),
                    Kind = DialKind.Callback,
                    PhoneNumber = callback.Value.PhoneNumber,
                    LineNumber = callback.Value.LineNumber,
                    CrmEntityType = callback.Value.CrmEntityType,
                    CrmEntityId = callback.Value.CrmEntityId,
                    Announcement = callback.Value.Text,
                    AnnouncementVoice = callback.Value.Voice,
                    ReceivedAt = receivedAt,
                })
                : Bitrix24ParseResult<DialRequest>.Failure(callback.Error);
        }

        var click = ExternalCallStartEvent.From(evt);
        return click.IsSuccess
            ? Bitrix24ParseResult<DialRequest>.Success(new DialRequest
            {
                ClickId = ClickKey.ForClick(click.Value.CallId, queuedAt, click.Value.UserId, click.Value.PhoneNumber),
                Kind = DialKind.Click,
                Bitrix24CallId = click.Value.CallId,
                UserId = click.Value.UserId,
                PhoneNumber = click.Value.PhoneNumber,
                PhoneNumberInternational = click.Value.PhoneNumberInternational,
                LineNumber = click.Value.LineNumber,
                CallListId = click.Value.CallListId,
                CrmEntityType = click.Value.CrmEntityType,
                CrmEntityId = click.Value.CrmEntityId,
                ReceivedAt = receivedAt,
            })
            : Bitrix24ParseResult<DialRequest>.Failure(click.Error);
    }
}
