namespace TelephonyHub.Silo.Settings;

/// <summary>The result of checking a frame request: an admin session, or why not.</summary>
public sealed record FrameCheck(SettingsSession? Session, string? Refusal)
{
    public static FrameCheck Admin(SettingsSession session) => new(session, null);

    public static FrameCheck Refused(string why) => new(null, why);
}
