namespace TelephonyHub.Bitrix24.OAuth;

/// <summary>A failed token request; returned, never thrown.</summary>
[GenerateSerializer, Immutable, Alias("b24-oauth-error-v1")]
public sealed record Bitrix24OAuthError
{
    /// <summary>What the failure means.</summary>
    [Id(0)] public required Bitrix24OAuthErrorKind Kind { get; init; }

    /// <summary>The HTTP status, or null when no answer arrived.</summary>
    [Id(1)] public int? HttpStatus { get; init; }

    /// <summary>The raw <c>error</c>.</summary>
    [Id(2)] public string Code { get; init; } = string.Empty;

    /// <summary>The raw <c>error_description</c>, or the transport failure.</summary>
    [Id(3)] public string Description { get; init; } = string.Empty;

    /// <summary>True when asking again later may succeed.</summary>
    public bool IsTransient => Kind == Bitrix24OAuthErrorKind.Transient;
}
