using TelephonyHub.Bitrix24.Rest;

namespace TelephonyHub.Bitrix24.Users;

/// <summary><c>profile</c> (reference §7.4): the token's user; a cheap way to prove a token works.</summary>
[GenerateSerializer, Immutable, Alias("b24-get-profile-v1")]
public sealed record GetProfile : Bitrix24Request<Bitrix24Profile>
{
    /// <inheritdoc />
    public override string Method => "profile";

    /// <inheritdoc />
    public override void WriteParameters(Bitrix24Parameters parameters)
    {
        // No parameters: the answer is about the token's user.
    }

    /// <inheritdoc />
    public override Bitrix24Profile ParseResult(Bitrix24RawResult raw)
    {
        var result = raw.Result.RequireObject("The profile");
        return new Bitrix24Profile(
            result.RequiredLong("ID"),
            result.Bool("ADMIN") ?? false,
            result.Text("NAME"),
            result.Text("LAST_NAME"),
            result.Text("TIME_ZONE") is { Length: > 0 } zone ? zone : null);
    }
}
