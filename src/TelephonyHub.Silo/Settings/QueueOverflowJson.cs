namespace TelephonyHub.Silo.Settings;

/// <summary>A queue's overflow rule on the settings API.</summary>
/// <param name="Kind"><c>hangup</c>, <c>extension</c> (a voicemail box...) or <c>user</c> (a Bitrix24 user).</param>
/// <param name="Extension">For <c>extension</c>: the PBX extension.</param>
/// <param name="UserId">For <c>user</c>: the Bitrix24 user id.</param>
public sealed record QueueOverflowJson(string? Kind, string? Extension, long? UserId);
