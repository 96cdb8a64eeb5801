namespace TelephonyHub.Abstractions.Portals;

/// <summary>A grain that holds part of one portal's data (key: the portal id) and forgets it when the portal is purged.</summary>
public interface IPortalPart : IGrainWithStringKey
{
    /// <summary>Deletes the stored state for good (the portal was uninstalled and its retention ran out).</summary>
    Task PurgeAsync();
}
