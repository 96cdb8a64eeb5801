namespace TelephonyHub.Bitrix24.Rest;

/// <summary>An HTTP answer read to the end: status, body, <c>Retry-After</c>, and the endpoint after redirects.</summary>
internal sealed record Bitrix24HttpAnswer(int Status, string Body, TimeSpan? RetryAfter, Uri? MovedTo)
{
    public bool IsSuccessStatus => Status is >= 200 and < 300;
}
