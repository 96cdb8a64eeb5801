namespace TelephonyHub.Bitrix24.Rest;

public sealed partial class Bitrix24RestClient
{
    /// <summary>
    /// Calls one REST method for a request whose result type the caller does not know statically (a queue holding
    /// many kinds of requests). The result comes back boxed, parsed by the request itself.
    /// </summary>
    /// <param name="connection">The portal's endpoint and access token.</param>
    /// <param name="request">The request; a call-scoped request must have its <c>CALL_ID</c>.</param>
    /// <param name="cancellationToken">Cancels the call; the only way this method throws.</param>
    public Task<Bitrix24Outcome<object>> SendAsync(
        Bitrix24Connection connection,
        Bitrix24Request request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return CallCoreAsync(connection, request.Method, request.ToParameters().Pairs, request.ParseResultObject, cancellationToken);
    }
}
