namespace TelephonyHub.PbxSimulator.Tests;

public sealed class SimulatorArgumentsTests
{
    [Fact]
    public void Arguments_TakeBothOptionForms_RepeatedKeys_AndFlags()
    {
        var args = SimulatorArguments.Parse(["load", "--key", "a", "--key=b", "--rate=250", "--no-live", "--duration", "30"]);

        Assert.Equal("load", args.Verb);
        Assert.Equal(["a", "b"], args.All("key"));
        Assert.Equal(250, args.Number("rate", 1));
        Assert.True(args.Flag("no-live"));
        Assert.Equal(TimeSpan.FromSeconds(30), args.Seconds("duration", TimeSpan.Zero));
        Assert.Equal(new Uri("http://127.0.0.1:5101/"), args.Hub);
    }
}
