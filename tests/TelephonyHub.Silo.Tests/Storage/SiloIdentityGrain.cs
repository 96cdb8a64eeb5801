using Orleans.Placement;

namespace TelephonyHub.Silo.Tests.Storage;

// Random placement honours a placement hint in the request context, which lets a test pick the silo.
[RandomPlacement]
public sealed class SiloIdentityGrain(ILocalSiloDetails silo) : Grain, ISiloIdentityGrain
{
    Task<SiloAddress> ISiloIdentityGrain.GetSiloAsync() => Task.FromResult(silo.SiloAddress);
}
