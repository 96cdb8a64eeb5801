namespace TelephonyHub.PortalEmulator.Rest;

/// <summary>How a REST request carried its parameters (reference §1.2).</summary>
public enum RequestEncoding
{
    /// <summary>Query string only.</summary>
    Query,

    /// <summary><c>application/x-www-form-urlencoded</c> body.</summary>
    Form,

    /// <summary><c>multipart/form-data</c> body.</summary>
    Multipart,

    /// <summary><c>application/json</c> body.</summary>
    Json,

    /// <summary>A command inside a <c>batch</c> (its own query string).</summary>
    BatchCommand,
}
