using System.Collections.Immutable;
using TelephonyHub.Abstractions.Presence;
using TelephonyHub.Grains.ClickToCall;

namespace TelephonyHub.Grains.Tests.ClickToCall;

public sealed class CallbackOperatorsTests
{
    private static readonly ImmutableDictionary<string, long> Extensions = ImmutableDictionary<string, long>.Empty
        .Add("101", 12).Add("102", 14).Add("99", 20);

    [Fact]
    public void FirstIdleOperator_InNaturalExtensionOrder_IsChosen()
    {
        var presence = ImmutableDictionary<string, ExtensionState>.Empty
            .Add("99", ExtensionState.Busy).Add("101", ExtensionState.Idle).Add("102", ExtensionState.Idle);

        Assert.Equal((12L, "101"), CallbackOperators.Choose(Extensions, presence));
    }

    [Fact]
    public void IdleOperator_IsPreferredToOneThePbxNeverReported()
    {
        var presence = ImmutableDictionary<string, ExtensionState>.Empty.Add("102", ExtensionState.Idle);

        Assert.Equal((14L, "102"), CallbackOperators.Choose(Extensions, presence));
    }

    [Fact]
    public void PbxReportingNoStates_MakesTheFirstExtensionFree()
    {
        Assert.Equal((20L, "99"), CallbackOperators.Choose(Extensions, ImmutableDictionary<string, ExtensionState>.Empty));
    }

    [Fact]
    public void BusyDoNotDisturbAndOfflineOperators_AreNeverChosen()
    {
        var presence = ImmutableDictionary<string, ExtensionState>.Empty
            .Add("99", ExtensionState.Busy).Add("101", ExtensionState.DoNotDisturb).Add("102", ExtensionState.Offline);

        Assert.Null(CallbackOperators.Choose(Extensions, presence));
    }
}
