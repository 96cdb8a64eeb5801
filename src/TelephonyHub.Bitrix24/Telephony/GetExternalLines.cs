using TelephonyHub.Bitrix24.Rest;

namespace TelephonyHub.Bitrix24.Telephony;

/// <summary><c>telephony.externalLine.get</c> (reference §5.7): this app's lines (no ids).</summary>
[GenerateSerializer, Immutable, Alias("b24-get-external-lines-v1")]
public sealed record GetExternalLines : Bitrix24Request<ImmutableArray<ExternalLine>>
{
    /// <inheritdoc />
    public override string Method => "telephony.externalLine.get";

    /// <inheritdoc />
    public override void WriteParameters(Bitrix24Parameters parameters)
    {
        // No parameters: the portal lists the calling application's lines.
    }

    /// <inheritdoc />
    public override ImmutableArray<ExternalLine> ParseResult(Bitrix24RawResult raw) =>
        [.. raw.Result.Entries()
            .Where(e => e.Value.ValueKind == JsonValueKind.Object)
            .Select(e => new ExternalLine(
                e.Value.RequiredText("NUMBER"),
                e.Value.Text("NAME"),
                e.Value.Bool("CRM_AUTO_CREATE") ?? true))];
}
