namespace TelephonyHub.Grains.Queues;

/// <summary>Where a call stands in its queue.</summary>
public enum QueueStage
{
    /// <summary>Offered to members step by step; a step's deadline moves it on.</summary>
    Offering = 1,

    /// <summary>Nobody took it (or nobody was free): finished in Bitrix24 as missed, the PBX told where it goes.</summary>
    Missed = 2,

    /// <summary>Nobody in the queue took it; it went to the overflow user, and goes on like a call to them.</summary>
    Overflowed = 3,

    /// <summary>It left the queue while offered: answered, transferred elsewhere, or the caller hung up.</summary>
    Left = 4,
}
