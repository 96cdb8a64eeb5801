namespace TelephonyHub.Silo.Tests.Storage;

/// <summary>A grain with one persistent state in the <c>telephonyhub</c> storage.</summary>
public interface IStorageProbeGrain : IGrainWithStringKey
{
    Task<ProbeReading> ReadAsync();

    Task WriteAsync(string note);

    Task ClearAsync();

    /// <summary>Deactivates after this call, so the next call reads the state from the database again.</summary>
    Task DeactivateAsync();
}
