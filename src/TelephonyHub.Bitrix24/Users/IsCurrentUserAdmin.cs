using TelephonyHub.Bitrix24.Rest;

namespace TelephonyHub.Bitrix24.Users;

/// <summary><c>user.admin</c>: whether the token's user is a portal administrator (needed for offline events, settings).</summary>
[GenerateSerializer, Immutable, Alias("b24-is-current-user-admin-v1")]
public sealed record IsCurrentUserAdmin : Bitrix24Request<bool>
{
    /// <inheritdoc />
    public override string Method => "user.admin";

    /// <inheritdoc />
    public override void WriteParameters(Bitrix24Parameters parameters)
    {
        // No parameters: the answer is about the token's user.
    }

    /// <inheritdoc />
    public override bool ParseResult(Bitrix24RawResult raw) =>
        raw.Result.AsBool() ?? throw new Bitrix24ResponseFormatException($"Expected true/false, got {raw.Result.ValueKind}.");
}
