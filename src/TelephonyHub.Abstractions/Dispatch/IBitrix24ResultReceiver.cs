namespace TelephonyHub.Abstractions.Dispatch;

/// <summary>A grain that wants the results of the Bitrix24 requests it dispatched.</summary>
public interface IBitrix24ResultReceiver : IGrainWithStringKey
{
    /// <summary>One-way: the dispatch never waits on a receiver (the receiver may be busy enqueuing more).</summary>
    [OneWay]
    Task OnDispatchResultAsync(DispatchResult result);
}
