namespace TelephonyHub.PortalEmulator.Portals;

/// <summary>An employee of a portal as <c>user.get</c> returns it (reference §7.1).</summary>
/// <param name="Id">Bitrix24 user id.</param>
/// <param name="Name">First name.</param>
/// <param name="LastName">Last name.</param>
/// <param name="Extension">Inner phone number (<c>UF_PHONE_INNER</c>); null when the user has none.</param>
public sealed record PortalUser(int Id, string Name, string LastName = "", string? Extension = null)
{
    /// <summary>False for fired users: telephony methods answer "User is not found or is not active".</summary>
    public bool Active { get; init; } = true;

    /// <summary>Portal administrator (installs apps, <c>user.admin</c> answers true).</summary>
    public bool IsAdmin { get; init; }

    /// <summary>E-mail shown with the <c>user_basic</c> scope.</summary>
    public string? Email { get; init; }

    /// <summary>Work phone, a fallback dial target in <c>searchCrmEntities</c>.</summary>
    public string? WorkPhone { get; init; }

    /// <summary>Mobile phone, a fallback dial target in <c>searchCrmEntities</c>.</summary>
    public string? PersonalMobile { get; init; }

    /// <summary>Web presence as <c>IS_ONLINE</c> reports it.</summary>
    public bool IsOnline { get; init; } = true;

    /// <summary>Work-day state reported as <c>ASSIGNED_BY.TIMEMAN_STATUS</c> (OPENED, CLOSED, PAUSED…).</summary>
    public string TimemanStatus { get; init; } = "OPENED";

    /// <summary>"First Last" as Bitrix24 shows it.</summary>
    public string FullName => string.IsNullOrEmpty(LastName) ? Name : $"{Name} {LastName}";
}
