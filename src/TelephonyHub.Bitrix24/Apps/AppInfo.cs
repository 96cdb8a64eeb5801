namespace TelephonyHub.Bitrix24.Apps;

/// <summary>The result of <c>app.info</c> (reference §3.5).</summary>
[GenerateSerializer, Immutable, Alias("b24-app-info-v1")]
public sealed record AppInfo
{
    /// <summary><c>ID</c>: the app's id on the portal.</summary>
    [Id(0)] public long? Id { get; init; }

    /// <summary><c>CODE</c>.</summary>
    [Id(1)] public string? Code { get; init; }

    /// <summary><c>VERSION</c>.</summary>
    [Id(2)] public long? Version { get; init; }

    /// <summary><c>STATUS</c>: F (free), D (demo), T (trial), P (paid), L (local).</summary>
    [Id(3)] public string? Status { get; init; }

    /// <summary><c>INSTALLED</c>: false until the installer finished (events are not delivered before).</summary>
    [Id(4)] public bool Installed { get; init; }

    /// <summary><c>PAYMENT_EXPIRED</c>.</summary>
    [Id(5)] public bool? PaymentExpired { get; init; }

    /// <summary><c>DAYS</c> left; negative after expiry.</summary>
    [Id(6)] public long? Days { get; init; }

    /// <summary><c>LANGUAGE_ID</c>.</summary>
    [Id(7)] public string? LanguageId { get; init; }

    /// <summary><c>LICENSE</c>, e.g. <c>de_ent10000</c>.</summary>
    [Id(8)] public string? License { get; init; }

    /// <summary><c>LICENSE_TYPE</c>.</summary>
    [Id(9)] public string? LicenseType { get; init; }

    /// <summary><c>LICENSE_FAMILY</c>: <c>ent</c>, <c>pro</c>, <c>std</c>, <c>basic</c>, <c>project</c>…</summary>
    [Id(10)] public string? LicenseFamily { get; init; }

    /// <summary>Enterprise plans get the bigger leaky bucket: 250 burst, 5 req/s instead of 50 and 2 (reference §2.1).</summary>
    public bool IsEnterprise => LicenseFamily?.StartsWith("ent", StringComparison.OrdinalIgnoreCase) == true;
}
