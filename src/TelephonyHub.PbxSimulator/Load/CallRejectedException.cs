namespace TelephonyHub.PbxSimulator.Load;

/// <summary>The hub rejected an event of a load call; the call stops there and counts as failed.</summary>
public sealed class CallRejectedException(string message) : Exception(message);
