namespace TelephonyHub.PbxSimulator.Scenarios;

/// <summary>The PBX's side of the scenarios: its extensions, a customer's number, how long phones ring and people talk.</summary>
public sealed record ScenarioSettings
{
    /// <summary>The extension inbound calls are for and outbound calls are placed from (a Bitrix24 user's UF_PHONE_INNER).</summary>
    public string Extension { get; init; } = "101";

    /// <summary>A colleague's extension: the transfer target.</summary>
    public string OtherExtension { get; init; } = "102";

    /// <summary>The customer's number (caller id inbound, dialled number outbound).</summary>
    public string CustomerNumber { get; init; } = "+4930111222";

    /// <summary>The number the customer dialled (DID).</summary>
    public string DialledNumber { get; init; } = "+4930555000";

    /// <summary>The external line as registered in Bitrix24; empty for none.</summary>
    public string LineNumber { get; init; } = "";

    /// <summary>How long phones ring before somebody answers (or gives up).</summary>
    public TimeSpan RingTime { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How long an answered call talks.</summary>
    public TimeSpan TalkTime { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long after the hang-up the recording becomes ready (scenario 5: a late recording).</summary>
    public TimeSpan RecordingDelay { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Where the hub (and Bitrix24) can fetch a recording; null: scenarios with recordings cannot run.</summary>
    public Uri? RecordingUrl { get; init; }
}
