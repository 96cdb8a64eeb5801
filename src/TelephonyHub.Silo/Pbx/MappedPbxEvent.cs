using TelephonyHub.Abstractions.Calls;
using TelephonyHub.Abstractions.Presence;

namespace TelephonyHub.Silo.Pbx;

/// <summary>A PBX event in domain terms, with where it goes.</summary>
public abstract record MappedPbxEvent;

/// <summary>An event of one call, for the call grain.</summary>
public sealed record MappedCallEvent(string PbxCallId, CallEvent Event) : MappedPbxEvent;

/// <summary>An extension's new state, for the portal's presence.</summary>
public sealed record MappedExtensionEvent(ExtensionStateChanged Change) : MappedPbxEvent;
