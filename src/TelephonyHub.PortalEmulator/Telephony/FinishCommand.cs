namespace TelephonyHub.PortalEmulator.Telephony;

/// <summary>A validated finish request (reference §5.3).</summary>
public sealed record FinishCommand
{
    /// <summary>The call.</summary>
    public required string CallId { get; init; }

    /// <summary>Finishing app.</summary>
    public required string ClientId { get; init; }

    /// <summary>User who handled the call.</summary>
    public required int UserId { get; init; }

    /// <summary>Talk time, seconds.</summary>
    public int Duration { get; init; }

    /// <summary>Cost.</summary>
    public double Cost { get; init; }

    /// <summary>Cost currency.</summary>
    public string CostCurrency { get; init; } = "";

    /// <summary>STATUS_CODE as sent; null: 200 when the duration is positive, else 304.</summary>
    public string? StatusCode { get; init; }

    /// <summary>FAILED_REASON.</summary>
    public string FailedReason { get; init; } = "";

    /// <summary>VOTE.</summary>
    public int Vote { get; init; }

    /// <summary>Effective ADD_TO_CHAT.</summary>
    public bool AddToChat { get; init; }

    /// <summary>RECORD_URL (deprecated asynchronous download), or null.</summary>
    public string? RecordUrl { get; init; }
}
