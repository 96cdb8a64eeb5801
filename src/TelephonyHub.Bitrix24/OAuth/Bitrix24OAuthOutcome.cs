using System.Diagnostics.CodeAnalysis;

namespace TelephonyHub.Bitrix24.OAuth;

/// <summary>The result of a token request: a <see cref="Bitrix24TokenSet"/> or a <see cref="Bitrix24OAuthError"/>.</summary>
[GenerateSerializer, Immutable, Alias("b24-oauth-outcome-v1")]
public sealed record Bitrix24OAuthOutcome
{
    /// <summary>The new tokens; set exactly when <see cref="IsSuccess"/>.</summary>
    [Id(0)] public Bitrix24TokenSet? Tokens { get; init; }

    /// <summary>The failure; set exactly when not <see cref="IsSuccess"/>.</summary>
    [Id(1)] public Bitrix24OAuthError? Error { get; init; }

    /// <summary>True when tokens were issued.</summary>
    [MemberNotNullWhen(true, nameof(Tokens))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;
}
