namespace TelephonyHub.Bitrix24.Rest;

/// <summary>
/// A request that acts on a registered call (show, hide, finish, attachRecord). A queue can store it before the
/// <c>CALL_ID</c> is known and fill it in once the preceding <c>register</c> returned, or point it at the register's
/// result inside a batch with <see cref="Bitrix24BatchReference"/>.
/// </summary>
public interface ICallScopedRequest
{
    /// <summary>The Bitrix24 <c>CALL_ID</c>, or null while the register has not answered yet.</summary>
    string? CallId { get; }

    /// <summary>A copy of this request for the given <c>CALL_ID</c> (a literal or a batch back-reference).</summary>
    Bitrix24Request WithCallId(string callId);
}
