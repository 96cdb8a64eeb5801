using TelephonyHub.Bitrix24.Rest;

namespace TelephonyHub.Bitrix24.Telephony;

/// <summary>
/// The telephony calls of one phone call, one method per REST method, for code that calls the portal directly
/// (the dispatch queues the request records and uses <see cref="Bitrix24RestClient"/> instead). Outcomes, never
/// exceptions, as with the REST client.
/// </summary>
public sealed class ExternalCallClient(Bitrix24RestClient rest)
{
    /// <summary><c>telephony.externalcall.register</c> (reference §5.1).</summary>
    public Task<Bitrix24Outcome<RegisterExternalCallResult>> RegisterAsync(
        Bitrix24Connection connection, RegisterExternalCall request, CancellationToken cancellationToken) =>
        rest.CallAsync(connection, request, cancellationToken);

    /// <summary><c>telephony.externalcall.show</c> to <paramref name="userIds"/> (reference §5.2); false when the call is gone.</summary>
    public Task<Bitrix24Outcome<bool>> ShowAsync(
        Bitrix24Connection connection, string callId, IEnumerable<long> userIds, CancellationToken cancellationToken) =>
        rest.CallAsync(connection, new ShowExternalCall(callId, [.. userIds]), cancellationToken);

    /// <summary><c>telephony.externalcall.hide</c> from <paramref name="userIds"/> (reference §5.2); false when the call is gone.</summary>
    public Task<Bitrix24Outcome<bool>> HideAsync(
        Bitrix24Connection connection, string callId, IEnumerable<long> userIds, CancellationToken cancellationToken) =>
        rest.CallAsync(connection, new HideExternalCall(callId, [.. userIds]), cancellationToken);

    /// <summary><c>telephony.externalcall.finish</c> (reference §5.3).</summary>
    public Task<Bitrix24Outcome<FinishExternalCallResult>> FinishAsync(
        Bitrix24Connection connection, FinishExternalCall request, CancellationToken cancellationToken) =>
        rest.CallAsync(connection, request, cancellationToken);

    /// <summary><c>telephony.externalCall.searchCrmEntities</c> (reference §5.6).</summary>
    public Task<Bitrix24Outcome<ImmutableArray<CrmEntitySearchResult>>> SearchCrmEntitiesAsync(
        Bitrix24Connection connection, string phoneNumber, CancellationToken cancellationToken) =>
        rest.CallAsync(connection, new SearchCrmEntities(phoneNumber), cancellationToken);

    /// <summary>
    /// Attaches a recording to a finished call with the two-step upload (reference §5.4): asks for an upload URL,
    /// then streams <paramref name="content"/> there. Returns the file id, or the first step's error.
    /// </summary>
    public async Task<Bitrix24Outcome<AttachRecordResult>> AttachRecordAsync(
        Bitrix24Connection connection, string callId, string fileName, Stream content, CancellationToken cancellationToken)
    {
        var first = await rest.CallAsync(connection, AttachExternalCallRecord.ForUpload(callId, fileName), cancellationToken)
            .ConfigureAwait(false);
        if (first.Value is not { IsUploadRequired: true, UploadUrl: { } uploadUrl } target)
        {
            return first;
        }

        var uploaded = await rest.UploadRecordAsync(uploadUrl, target.FieldName ?? "file", fileName, content, cancellationToken)
            .ConfigureAwait(false);
        return uploaded with { MovedTo = first.MovedTo };
    }
}
