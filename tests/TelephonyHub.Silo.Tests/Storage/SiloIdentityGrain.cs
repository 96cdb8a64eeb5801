using Orleans.Placement;

namespace TelephonyHub.Silo.Tests.Storage;

// Placed on the silo whose client activates it, so a test can put it on a chosen silo.
[PreferLocalPlacement]
public sealed class SiloIdentityGrain(ILocalSiloDetails silo) : Grain, ISiloIdentityGrain
{
    Task<SiloAddress> ISiloIdentityGrain.GetSiloAsync() => Task.FromResult(silo.SiloAddress);
}
