namespace TelephonyHub.Grains.Calls;

/// <summary>The portal settings a call keeps for its whole life, copied when it starts.</summary>
[GenerateSerializer, Immutable, Alias("call-policy-v1")]
public sealed record CallPolicy
{
    /// <summary>Post the call summary to the user's chat (<c>ADD_TO_CHAT</c> on finish).</summary>
    [Id(0)] public required bool AddToChat { get; init; }

    /// <summary>How long a finish may wait for a recording the PBX promised.</summary>
    [Id(1)] public required TimeSpan RecordingMaxWait { get; init; }

    /// <summary>The user a call is registered to when nobody better is known (the installing admin).</summary>
    [Id(2)] public required long FallbackUserId { get; init; }

    /// <summary>Bitrix24 downloads recordings from the PBX's URLs itself (<c>RECORD_URL</c>); else the hub fetches and uploads.</summary>
    [Id(40)] public bool PortalFetchesRecordingUrls { get; init; }

    /// <summary>An inbound call from a number the CRM does not know creates a lead (<c>CRM_CREATE=1</c> on register).</summary>
    [Id(50)] public bool CreateLeads { get; init; }
}
