using System.Net;
using Microsoft.Extensions.Options;
using TelephonyHub.Abstractions.Recordings;

namespace TelephonyHub.Grains.Recordings;

/// <summary>
/// Downloads a recording from the PBX's URL straight into the store, checking it on the way (MP3/WAV, size limit,
/// Content-Length): the body streams through, the file is never held in memory. One attempt per call; the caller
/// retries what <see cref="RecordingFetchResult.Transient"/> says may pass.
/// </summary>
public sealed class RecordingFetcher(HttpClient http, IRecordingStore store, IOptions<RecordingOptions> options, TimeProvider time)
{
    public async Task<RecordingFetchResult> FetchAsync(NewRecording target, Uri url, string? fileName, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var deadline = new CancellationTokenSource(settings.FetchTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, linked.Token);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                var status = (int)response.StatusCode;
                var why = $"the PBX answered HTTP {status} {response.ReasonPhrase}".TrimEnd();
                // 404 too: a PBX may announce a recording a moment before its file is in place.
                return status is 404 or 408 or 425 or 429 or >= 500 ? RecordingFetchResult.Retry(why) : RecordingFetchResult.Refused(why);
            }

            var length = response.Content.Headers.ContentLength;
            if (length > settings.MaxBytes)
            {
                return RecordingFetchResult.Refused($"the file has {length} bytes, more than the hub's limit of {settings.MaxBytes}");
            }

            // The PBX's own file name is a claim the content must agree with; the URL's is only a hint.
            var check = new RecordingContentCheck(settings.MaxBytes, length, RecordingFormats.FromFileName(fileName));
            await using var body = new CheckedRecordingStream(await response.Content.ReadAsStreamAsync(linked.Token), check);
            var saved = await SaveAsync(target, body, response.Content.Headers.ContentType?.MediaType, linked.Token);
            var format = check.Format ?? check.Complete();
            return RecordingFetchResult.Success(new StoredRecording
            {
                RecordingId = target.RecordingId,
                FileName = RecordingFileNames.For(fileName, url, CallKey.Parse(target.CallKey).PbxCallId, format),
                ContentType = RecordingFormats.ContentType(format),
                Size = saved.Size,
                Sha256 = saved.Sha256,
            });
        }
        catch (InvalidRecordingException ex)
        {
            return RecordingFetchResult.Refused(ex.Message);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return RecordingFetchResult.Retry($"no complete answer within {settings.FetchTimeout}");
        }
        catch (HttpRequestException ex) when (ex.InnerException is RecordingSourceForbiddenException forbidden)
        {
            return RecordingFetchResult.Refused(forbidden.Message);
        }
        catch (HttpRequestException ex)
        {
            return RecordingFetchResult.Retry($"the request failed ({ex.HttpRequestError}): {ex.Message}");
        }
        catch (IOException ex)
        {
            return RecordingFetchResult.Retry($"the download broke off: {ex.Message}");
        }
    }

    private async Task<SavedRecording> SaveAsync(NewRecording target, Stream body, string? servedAs, CancellationToken cancellationToken)
    {
        try
        {
            return await store.SaveAsync(target, body, cancellationToken);
        }
        catch (InvalidRecordingException ex) when (servedAs is not null)
        {
            throw new InvalidRecordingException($"{ex.Message} (served as {servedAs})");
        }
    }
}
