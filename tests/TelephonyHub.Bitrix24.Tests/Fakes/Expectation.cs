namespace TelephonyHub.Bitrix24.Tests.Fakes;

/// <summary>Awaits something the test expects, failing with a message that says what never happened.</summary>
public static class Expectation
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    public static async Task<T> Expect<T>(Task<T> task, string expected)
    {
        try
        {
            return await task.WaitAsync(Patience);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Waited {Patience.TotalSeconds:0} s for {expected}; it did not happen.");
        }
    }
}
