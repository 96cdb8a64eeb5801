using Grpc.Core;
using TelephonyHub.Abstractions.Calls;
using Proto = TelephonyHub.Contracts.Pbx.V1;

namespace TelephonyHub.Silo.Pbx;

/// <summary>The PBX gateway (protos/pbx/v1/pbx_gateway.proto): authenticate, hand over to the stream or router.</summary>
public sealed class PbxGatewayService(
    PbxAuthenticator authenticator,
    PbxEventRouter router,
    PbxStreamSessionFactory sessions,
    RecordingUploadReceiver uploads,
    PbxEventAdmission admission,
    PbxGatewayLogs gatewayLogs) : Proto.PbxGateway.PbxGatewayBase
{
    public override async Task Connect(
        IAsyncStreamReader<Proto.PbxMessage> requestStream, IServerStreamWriter<Proto.HubMessage> responseStream, ServerCallContext context)
    {
        var caller = await authenticator.AuthenticateAsync(context);
        await sessions.Create(caller).RunAsync(requestStream, responseStream, context.CancellationToken);
    }

    public override async Task<Proto.PublishResponse> Publish(Proto.PublishRequest request, ServerCallContext context)
    {
        var caller = await authenticator.AuthenticateAsync(context);
        if (request.Event is null)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "event: is required"));
        }

        if (!admission.TryEnter(startsCall: request.Event.KindCase == Proto.PbxEvent.KindOneofCase.CallStarted))
        {
            gatewayLogs.Overloaded(admission.InFlight);
            throw new RpcException(new Status(StatusCode.Unavailable, EventAcks.Overloaded("").Message));
        }

        EventOutcome outcome;
        try
        {
            outcome = await router.RouteAsync(caller.PortalId, request.Event);
        }
        catch (InvalidPbxEventException ex)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, ex.Message));
        }
        catch (Exception ex) when (!context.CancellationToken.IsCancellationRequested)
        {
            // Storage or a grain failed: unknown whether it was applied, and the event id makes a resend safe.
            gatewayLogs.ApplyFailed(caller.PortalId, request.Event.EventId, ex);
            throw new RpcException(new Status(StatusCode.Unavailable, EventAcks.CouldNotApply));
        }
        finally
        {
            admission.Leave();
        }

        if (outcome.Verdict == EventVerdict.Rejected)
        {
            throw new RpcException(new Status(EventAcks.StatusCodeFor(outcome.Rejection), outcome.Message ?? "Rejected."));
        }

        return new Proto.PublishResponse { Ack = EventAcks.From(request.Event.EventId, outcome) };
    }

    public override async Task<Proto.EventAck> UploadRecording(IAsyncStreamReader<Proto.RecordingChunk> requestStream, ServerCallContext context)
    {
        var caller = await authenticator.AuthenticateAsync(context);
        return await uploads.ReceiveAsync(caller, requestStream, context.CancellationToken);
    }
}
