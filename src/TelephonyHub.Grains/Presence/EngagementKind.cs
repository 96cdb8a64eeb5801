namespace TelephonyHub.Grains.Presence;

/// <summary>How a call holds its operators.</summary>
public enum EngagementKind
{
    /// <summary>A queued call is offered to them: their phone rings and they see the card.</summary>
    Offered = 1,

    /// <summary>They answered the call.</summary>
    Talking = 2,
}
