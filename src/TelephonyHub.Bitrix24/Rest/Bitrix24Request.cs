namespace TelephonyHub.Bitrix24.Rest;

/// <summary>
/// One Bitrix24 REST call as data: it knows its method name and writes its parameters in the reference's exact
/// field names. Requests are Orleans-serializable so the per-portal dispatch can store them durably and send them
/// later, alone or in a <c>batch</c>.
/// </summary>
[GenerateSerializer, Immutable, Alias("b24-request-v1")]
public abstract record Bitrix24Request
{
    /// <summary>The REST method, e.g. <c>telephony.externalcall.register</c> (the portal matches it case-insensitively).</summary>
    public abstract string Method { get; }

    /// <summary>Writes the parameters (without <c>auth</c>) in PHP-bracket form.</summary>
    public abstract void WriteParameters(Bitrix24Parameters parameters);

    /// <summary>The parameters as a fresh <see cref="Bitrix24Parameters"/>.</summary>
    public Bitrix24Parameters ToParameters()
    {
        var parameters = new Bitrix24Parameters();
        WriteParameters(parameters);
        return parameters;
    }

    /// <summary>Parses a successful <c>result</c> into this request's result type, boxed.</summary>
    /// <exception cref="Bitrix24ResponseFormatException">The result does not have the documented shape.</exception>
    public abstract object ParseResultObject(Bitrix24RawResult raw);
}
