using System.Diagnostics;
using TelephonyHub.Abstractions.Recordings;

namespace TelephonyHub.Grains.Calls;

/// <summary>
/// Which recordings the call hands to its <see cref="IRecordingGrain"/> instead of the dispatch: all of them, unless
/// the portal fetches the PBX's URLs itself (<see cref="CallPolicy.PortalFetchesRecordingUrls"/>). The hub then
/// fetches (or already has) the file and uploads it, so the portal never needs to reach the PBX (reference §5.3–5.4:
/// a <c>RECORD_URL</c> is tried once and fails silently).
/// </summary>
public static class RecordingHandOff
{
    public static bool IsHandedOff(CallState state, CallEffect effect) =>
        effect is AttachRecordingEffect attach && !(attach.Recording.Url is not null && state.Policy?.PortalFetchesRecordingUrls == true);

    /// <summary>The job for the call's recording grain; null when <paramref name="effect"/> goes to the dispatch.</summary>
    public static RecordingAttachRequest? For(CallState state, CallEffect effect) =>
        IsHandedOff(state, effect) && effect is AttachRecordingEffect attach
            ? new RecordingAttachRequest
            {
                JobId = attach.EffectId,
                Url = attach.Recording.Stored is null ? attach.Recording.Url : null,
                Stored = attach.Recording.Stored,
                FileName = attach.Recording.FileName,
                Bitrix24CallId = state.Bitrix24CallId,
                TraceParent = Activity.Current?.Id,
            }
            : null;
}
