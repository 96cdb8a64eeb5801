using TelephonyHub.Abstractions.Calls;

namespace TelephonyHub.Testing.Faults;

/// <summary>Fails a grain call that carries an event <see cref="HubFaults"/> marks as failing, before the grain sees it.</summary>
internal sealed class FailingEventsFilter(HubFaults faults) : IIncomingGrainCallFilter
{
    public Task Invoke(IIncomingGrainCallContext context)
    {
        if (context.Request.GetArgumentCount() > 0 && context.Request.GetArgument(0) is CallEvent evt && faults.Fails(evt.EventId))
        {
            throw new InvalidOperationException($"Injected: applying event {evt.EventId} fails.");
        }

        return context.Invoke();
    }
}
