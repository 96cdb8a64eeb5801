namespace TelephonyHub.Silo.Tests.Storage;

/// <summary>Tells which silo its activation runs on.</summary>
public interface ISiloIdentityGrain : IGrainWithGuidKey
{
    Task<SiloAddress> GetSiloAsync();
}
