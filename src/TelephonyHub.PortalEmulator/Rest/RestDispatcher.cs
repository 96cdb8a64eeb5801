using Microsoft.Extensions.Options;
using TelephonyHub.PortalEmulator.Hosting;
using TelephonyHub.PortalEmulator.Limits;
using TelephonyHub.PortalEmulator.Portals;

namespace TelephonyHub.PortalEmulator.Rest;

/// <summary>
/// Runs one method call for an authenticated caller: lookup, auth-type and scope checks, the operating-time
/// limit, the handler, the envelope, and the request-log entry. Shared by HTTP requests and batch commands.
/// </summary>
public sealed class RestDispatcher(RestMethodTable methods, TimeProvider time, IOptions<PortalEmulatorOptions> options)
{
    /// <summary>
    /// Invokes <paramref name="methodAsSent"/>. Top-level calls are logged at once (a batch's commands right after
    /// it); commands of a batch (<paramref name="batch"/> set) are collected into the batch's log.
    /// </summary>
    public async ValueTask<RestOutcome> InvokeAsync(
        Portal portal, RestAuth auth, string methodAsSent, ParsedRequest parsed, long sequence,
        RestCall? batch, string? batchKey, CancellationToken cancellationToken)
    {
        var start = time.GetUtcNow();
        var name = RestMethodTable.Normalize(methodAsSent);
        var call = new RestCall(portal, auth, parsed.Parameters, name, start, options.Value.TelephonyErrorCode) { Sequence = sequence };
        var budgetKey = $"{auth.BudgetKey}|{name}";
        RestOutcome outcome;
        if (batch is null)
        {
            portal.BeginRequest();
        }

        try
        {
            outcome = await RunAsync(portal, call, auth, name, budgetKey, start, batch is not null, cancellationToken).ConfigureAwait(false);
        }
        catch when (batch is null)
        {
            portal.CompleteRequest([.. call.InnerLog]); // the request is over either way; keep what its batch ran
            throw;
        }

        var entry = RequestLog.Entry(sequence, start, methodAsSent, parsed, auth, outcome.Status, outcome.Error) with
        {
            BatchSequence = batch?.Sequence,
            BatchCommandKey = batchKey,
        };
        if (batch is not null)
        {
            batch.InnerLog.Add(entry);
        }
        else
        {
            portal.CompleteRequest([entry, .. call.InnerLog]);
        }

        return outcome;
    }

    private async ValueTask<RestOutcome> RunAsync(
        Portal portal, RestCall call, RestAuth auth, string name, string budgetKey, DateTimeOffset start, bool insideBatch, CancellationToken cancellationToken)
    {
        try
        {
            var method = Check(methods.Find(name), auth, insideBatch);
            var limits = portal.Snapshot.Limits;
            var used = portal.Limiter.Operating.Current(budgetKey, start);
            if (!limits.OperatingDisabled && method.ChargesOperatingTime && used.Operating > limits.OperatingLimitSeconds)
            {
                throw new RestMethodException(429, "OPERATION_TIME_LIMIT", "Method is blocked due to operation time limit.");
            }

            var result = await method.Handler(call, cancellationToken).ConfigureAwait(false);
            var finish = time.GetUtcNow();
            var operating = method.ChargesOperatingTime
                ? portal.Limiter.Operating.Charge(budgetKey, start, (finish - start).TotalSeconds + limits.MethodCostSeconds.GetValueOrDefault(name))
                : used;
            return new RestOutcome(200, RestEnvelope.Success(result, RestEnvelope.Time(start, finish, operating)), result, null);
        }
        catch (RestMethodException error)
        {
            var body = RestEnvelope.Error(error);
            if (error.Status == 429)
            {
                // The blocked answer still tells when the budget frees up (reference §2.2 "operating_reset_at").
                body["time"] = RestEnvelope.Time(start, time.GetUtcNow(), portal.Limiter.Operating.Current(budgetKey, start));
            }

            return new RestOutcome(error.Status, body, null, error);
        }
    }

    private static RestMethod Check(RestMethod? method, RestAuth auth, bool insideBatch)
    {
        if (method is null)
        {
            throw new RestMethodException(404, "ERROR_METHOD_NOT_FOUND", "Method not found!");
        }

        if (insideBatch && !method.AllowedInBatch)
        {
            throw new RestMethodException(405, "ERROR_BATCH_METHOD_NOT_ALLOWED", "Method is not allowed for batch usage");
        }

        if (method.AppOnly && auth.Kind != AuthKind.OAuth)
        {
            throw new RestMethodException(403, "WRONG_AUTH_TYPE", "Current authorization type is denied for this method");
        }

        if (method.Scope != "basic" && auth.AppDefinition is { } app && !app.Scopes.Any(s => ScopeCovers(s, method.Scope)))
        {
            throw new RestMethodException(
                403, "insufficient_scope", "The request requires higher privileges than provided by the access token");
        }

        return method;
    }

    // user_basic and user_brief grant user.get with fewer fields (reference §7.1); user grants everything.
    private static bool ScopeCovers(string granted, string needed) =>
        granted == needed || (needed == "user" && granted is "user_basic" or "user_brief");
}
