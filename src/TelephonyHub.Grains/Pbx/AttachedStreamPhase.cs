namespace TelephonyHub.Grains.Pbx;

/// <summary>
/// Where a stream stands with its link. In every phase a revocation of its key closes it; only a live stream gets
/// commands.
/// </summary>
internal enum AttachedStreamPhase
{
    /// <summary>
    /// Attaching: the portal is checking its key. Listed already, so a revocation landing meanwhile closes it; no
    /// commands yet (those sent meanwhile are in the pending list it is handed).
    /// </summary>
    Verifying,

    /// <summary>Attached with a valid key: the newest live stream within its lease gets the commands.</summary>
    Live,

    /// <summary>
    /// The link does not know whether commands reach it: restored from storage after the link was reactivated, or a
    /// delivery to it failed. Its next renewal tells it to attach again, which checks its key and resends what is pending.
    /// </summary>
    MustReattach,
}
