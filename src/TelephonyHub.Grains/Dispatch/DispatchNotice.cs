using TelephonyHub.Abstractions.Dispatch;

namespace TelephonyHub.Grains.Dispatch;

/// <summary>A final result and whom to tell.</summary>
public sealed record DispatchNotice(GrainId? ReplyTo, DispatchResult Result);
