using TelephonyHub.Abstractions.Portals;
using TelephonyHub.Grains.Portals;

namespace TelephonyHub.Grains.Tests.Portals;

/// <summary>A PBX key opens streams until it is revoked; an open stream asks again with the key id alone.</summary>
public sealed class PbxKeysTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void RevokedKey_NeitherAuthenticatesNorStaysActive_OtherKeysDo()
    {
        var (asterisk, asteriskRecord) = PbxKeys.Issue("portal-1", "Asterisk", Now);
        var (freePbx, freePbxRecord) = PbxKeys.Issue("portal-1", "FreePBX", Now);
        Assert.True(PbxApiKey.TryParse(asterisk.FullKey, out var key));
        var secret = key.Secret;

        var revoked = PbxKeys.Revoke([asteriskRecord, freePbxRecord], asterisk.KeyId, Now.AddHours(1));

        Assert.True(PbxKeys.Matches([asteriskRecord, freePbxRecord], asterisk.KeyId, secret));
        Assert.True(PbxKeys.IsActive([asteriskRecord, freePbxRecord], asterisk.KeyId));
        Assert.False(PbxKeys.Matches(revoked, asterisk.KeyId, secret));
        Assert.False(PbxKeys.IsActive(revoked, asterisk.KeyId));
        Assert.True(PbxKeys.IsActive(revoked, freePbx.KeyId));
        Assert.False(PbxKeys.IsActive(revoked, "unknown"));
    }
}
