using System.Text.Json.Nodes;

namespace TelephonyHub.PortalEmulator.Rest;

/// <summary>
/// A REST error answer: <c>{"error": Code, "error_description": Description}</c> with an HTTP status, as the
/// server's <c>RestException::output()</c> writes it (reference §1.3). <see cref="Code"/> may be empty.
/// </summary>
public sealed class RestMethodException(int status, string code, string description, JsonObject? extra = null)
    : Exception(description)
{
    /// <summary>HTTP status.</summary>
    public int Status => status;

    /// <summary>The <c>error</c> field; may be <c>""</c>.</summary>
    public string Code => code;

    /// <summary>The <c>error_description</c> field.</summary>
    public string Description => Message;

    /// <summary>Extra keys merged into the error object (e.g. <c>argument</c>), or null.</summary>
    public JsonObject? Extra => extra;
}
