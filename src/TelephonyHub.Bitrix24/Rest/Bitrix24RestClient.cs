using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TelephonyHub.Bitrix24.Telephony;

namespace TelephonyHub.Bitrix24.Rest;

/// <summary>
/// The typed Bitrix24 REST client (a typed <see cref="HttpClient"/>, registered by
/// <see cref="Bitrix24ServiceCollectionExtensions.AddBitrix24Client"/>). Every call POSTs a PHP-bracket form with
/// <c>auth</c> to <c>{client_endpoint}{method}</c> and returns an outcome; Bitrix24 errors, HTTP failures and
/// timeouts come back as <see cref="Bitrix24Error"/>s, never as exceptions. Only the caller's own cancellation
/// throws. The client neither retries nor refreshes tokens: that is the dispatch's job, which also owns rate limits.
/// </summary>
public sealed partial class Bitrix24RestClient(
    HttpClient http,
    IOptions<Bitrix24ClientOptions> options,
    TimeProvider timeProvider,
    ILogger<Bitrix24RestClient> logger)
{
    private static readonly MediaTypeHeaderValue FormMediaType = new("application/x-www-form-urlencoded") { CharSet = "utf-8" };

    /// <summary>Calls one REST method.</summary>
    /// <param name="connection">The portal's endpoint and access token.</param>
    /// <param name="request">The request; a call-scoped request must have its <c>CALL_ID</c>.</param>
    /// <param name="cancellationToken">Cancels the call; the only way this method throws.</param>
    /// <returns>The typed result or the error, with the <c>time</c> block and any new endpoint after a redirect.</returns>
    public async Task<Bitrix24Outcome<TResult>> CallAsync<TResult>(
        Bitrix24Connection connection,
        Bitrix24Request<TResult> request,
        CancellationToken cancellationToken)
        where TResult : notnull
    {
        ArgumentNullException.ThrowIfNull(request);
        return await CallCoreAsync(connection, request.Method, request.ToParameters().Pairs, request.ParseResult, cancellationToken)
            .ConfigureAwait(false);
    }

    private async Task<Bitrix24Outcome<TResult>> CallCoreAsync<TResult>(
        Bitrix24Connection connection,
        string method,
        IReadOnlyList<KeyValuePair<string, string>> pairs,
        Func<Bitrix24RawResult, TResult> parse,
        CancellationToken cancellationToken)
        where TResult : notnull
    {
        ArgumentNullException.ThrowIfNull(connection);
        var answer = await PostFormAsync(connection, method, pairs, cancellationToken).ConfigureAwait(false);
        var outcome = answer.Error is { } failure
            ? Bitrix24Outcome<TResult>.Failure(failure)
            : Bitrix24EnvelopeReader.Read(answer.Answer!, parse) with { MovedTo = answer.Answer!.MovedTo };
        if (outcome.Error is { } error)
        {
            LogCallFailed(logger, method, connection.ClientEndpoint.Host, error.Kind, error.HttpStatus, error.Code, error.Description);
        }

        return outcome;
    }

    /// <summary>
    /// Runs up to 50 requests in one <c>batch</c> call (reference §1.6). A request parameter may carry a
    /// back-reference to an earlier command's result (<see cref="Bitrix24BatchReference.Result"/>).
    /// </summary>
    /// <param name="connection">The portal's endpoint and access token.</param>
    /// <param name="commands">1 to 50 commands with unique keys.</param>
    /// <param name="halt">True to stop at the first failing command (<c>halt=1</c>); later ones come back as
    /// <see cref="Bitrix24ErrorKind.NotExecuted"/>.</param>
    /// <param name="cancellationToken">Cancels the call; the only way this method throws (besides caller bugs).</param>
    /// <exception cref="ArgumentException">No command, more than 50, or bad/duplicate keys: a caller bug.</exception>
    public async Task<Bitrix24BatchOutcome> BatchAsync(
        Bitrix24Connection connection,
        IReadOnlyList<Bitrix24BatchCommand> commands,
        bool halt,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(commands);
        var pairs = Bitrix24BatchCodec.Encode(commands, halt);
        var answer = await PostFormAsync(connection, "batch", pairs, cancellationToken).ConfigureAwait(false);
        var outcome = answer.Error is { } failure
            ? Bitrix24Outcome<ImmutableArray<Bitrix24BatchItemOutcome>>.Failure(failure)
            : Bitrix24EnvelopeReader.Read(answer.Answer!, raw => Bitrix24BatchCodec.Decode(commands, raw.Result));
        if (outcome.Error is { } error)
        {
            LogCallFailed(logger, "batch", connection.ClientEndpoint.Host, error.Kind, error.HttpStatus, error.Code, error.Description);
            return new Bitrix24BatchOutcome
            {
                Error = error,
                Items = [.. commands.Select(c => new Bitrix24BatchItemOutcome { Key = c.Key, Error = error })],
                Timing = outcome.Timing,
                MovedTo = answer.Answer?.MovedTo,
            };
        }

        foreach (var item in outcome.Value)
        {
            if (item.Error is { } itemError)
            {
                LogBatchCommandFailed(logger, item.Key, connection.ClientEndpoint.Host, itemError.Kind, itemError.Code, itemError.Description);
            }
        }

        return new Bitrix24BatchOutcome { Items = outcome.Value, Timing = outcome.Timing, MovedTo = answer.Answer!.MovedTo };
    }

    /// <summary>
    /// Second step of the two-step <c>attachRecord</c> upload (reference §5.4): POSTs the recording as
    /// <c>multipart/form-data</c> to the <c>uploadUrl</c> the first step returned, streaming
    /// <paramref name="content"/> without buffering it. The upload URL carries its own credentials.
    /// </summary>
    /// <param name="uploadUrl">The <c>uploadUrl</c> from <see cref="AttachRecordResult"/>.</param>
    /// <param name="fieldName">The <c>fieldName</c> from <see cref="AttachRecordResult"/> (<c>file</c>).</param>
    /// <param name="fileName">The file name, ending in <c>.mp3</c> or <c>.wav</c>.</param>
    /// <param name="content">The recording; read once, not disposed.</param>
    /// <param name="cancellationToken">Cancels the upload; the only way this method throws.</param>
    public async Task<Bitrix24Outcome<AttachRecordResult>> UploadRecordAsync(
        Uri uploadUrl,
        string fieldName,
        string fileName,
        Stream content,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(uploadUrl);
        ArgumentNullException.ThrowIfNull(content);
        using var deadline = new CancellationTokenSource(options.Value.UploadTimeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        using var form = new MultipartFormDataContent();
        var file = new StreamContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(fileName.EndsWith(".wav", StringComparison.OrdinalIgnoreCase) ? "audio/wav" : "audio/mpeg");
        form.Add(file, fieldName, fileName);
        using var message = new HttpRequestMessage(HttpMethod.Post, uploadUrl) { Content = form };
        var answer = await SendAsync(message, linked.Token, cancellationToken, options.Value.UploadTimeout).ConfigureAwait(false);
        var outcome = answer.Error is { } failure
            ? Bitrix24Outcome<AttachRecordResult>.Failure(failure)
            : Bitrix24EnvelopeReader.Read(answer.Answer!, raw => AttachRecordResult.Parse(raw.Result));
        if (outcome.Error is { } error)
        {
            LogCallFailed(logger, "upload", uploadUrl.Host, error.Kind, error.HttpStatus, error.Code, error.Description);
        }

        return outcome;
    }

    private async Task<SendResult> PostFormAsync(
        Bitrix24Connection connection,
        string method,
        IReadOnlyList<KeyValuePair<string, string>> pairs,
        CancellationToken cancellationToken)
    {
        var body = PhpFormEncoder.Encode([.. pairs, new("auth", connection.AccessToken)]);
        var settings = options.Value;
        using var deadline = new CancellationTokenSource(settings.RequestTimeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        // The method is appended to the endpoint: without the trailing slash of https://{domain}/rest/ it would
        // replace the last segment instead.
        var endpoint = connection.ClientEndpoint.AbsolutePath.EndsWith('/')
            ? connection.ClientEndpoint
            : new Uri(connection.ClientEndpoint.AbsoluteUri + "/");
        var target = new Uri(endpoint, method);
        Uri? movedTo = null;
        for (var hop = 0; ; hop++)
        {
            using var message = new HttpRequestMessage(HttpMethod.Post, target)
            {
                Content = new StringContent(body, Encoding.UTF8, FormMediaType),
            };
            var sent = await SendAsync(message, linked.Token, cancellationToken, settings.RequestTimeout, followRedirect: true).ConfigureAwait(false);
            if (sent.RedirectTo is not { } location)
            {
                return sent.Answer is { } answer ? sent with { Answer = answer with { MovedTo = movedTo } } : sent;
            }

            // A moved portal answers 302 with the new address (reference §1.1): re-POST the same form there and
            // report the new endpoint so the caller can store it. Never downgrade https to http: the form holds the token.
            var next = new Uri(target, location);
            if (hop >= settings.MaxRedirects || (target.Scheme == Uri.UriSchemeHttps && next.Scheme != Uri.UriSchemeHttps))
            {
                return new SendResult(null, new Bitrix24Error
                {
                    Kind = Bitrix24ErrorKind.Transient,
                    HttpStatus = sent.RedirectStatus,
                    Description = string.Create(CultureInfo.InvariantCulture, $"Redirect to {next.GetLeftPart(UriPartial.Authority)} not followed (hop {hop + 1})."),
                }, null, null);
            }

            LogRedirected(logger, method, target.Host, next.GetLeftPart(UriPartial.Path));
            target = next;
            var newEndpoint = new Uri(next, "./");
            movedTo = newEndpoint == endpoint ? null : newEndpoint;
        }
    }

    private async Task<SendResult> SendAsync(
        HttpRequestMessage message,
        CancellationToken linkedToken,
        CancellationToken callerToken,
        TimeSpan timeout,
        bool followRedirect = false)
    {
        try
        {
            using var response = await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, linkedToken).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (followRedirect && status is 301 or 302 or 303 or 307 or 308 && response.Headers.Location is { } location)
            {
                return new SendResult(null, null, location, status);
            }

            var body = await response.Content.ReadAsStringAsync(linkedToken).ConfigureAwait(false);
            var retryAfter = response.Headers.RetryAfter switch
            {
                { Delta: { } delta } => delta,
                { Date: { } date } => date - timeProvider.GetUtcNow(),
                _ => (TimeSpan?)null,
            };
            return new SendResult(new Bitrix24HttpAnswer(status, body, retryAfter, null), null, null, null);
        }
        catch (OperationCanceledException) when (!callerToken.IsCancellationRequested)
        {
            return new SendResult(null, Bitrix24Error.TransportFailure(
                string.Create(CultureInfo.InvariantCulture, $"No answer within {timeout.TotalSeconds:0.#} s.")), null, null);
        }
        catch (HttpRequestException ex)
        {
            return new SendResult(null, Bitrix24Error.TransportFailure(ex.HttpRequestError + ": " + ex.Message), null, null);
        }
        catch (IOException ex)
        {
            return new SendResult(null, Bitrix24Error.TransportFailure("The connection broke: " + ex.Message), null, null);
        }
    }

    private sealed record SendResult(Bitrix24HttpAnswer? Answer, Bitrix24Error? Error, Uri? RedirectTo, int? RedirectStatus);
}
