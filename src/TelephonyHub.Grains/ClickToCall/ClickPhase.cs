namespace TelephonyHub.Grains.ClickToCall;

/// <summary>Where a click stands. A click only moves forward; it ends linked to a PBX call, failed, or dropped.</summary>
public enum ClickPhase
{
    /// <summary>No event taken yet.</summary>
    None = 0,

    /// <summary>The event is taken; the portal's extensions are looked up next.</summary>
    Accepted = 1,

    /// <summary>The portal sent no <c>CALL_ID</c> (older portals, callback forms): the hub registers the call first.</summary>
    Registering = 2,

    /// <summary>The originate command went to the PBX; its acknowledgement is awaited.</summary>
    Originating = 3,

    /// <summary>The PBX accepted the command; the PBX call it starts is awaited (<c>CallStarted.originate_request_id</c>).</summary>
    Dialling = 4,

    /// <summary>The PBX call took the Bitrix24 call over: its grain finishes it.</summary>
    Linked = 5,

    /// <summary>The call could not be placed; the Bitrix24 call is finished with a failure status.</summary>
    Failed = 6,

    /// <summary>Nothing can be done in Bitrix24 (app not installed, register refused); logged.</summary>
    Dropped = 7,
}
