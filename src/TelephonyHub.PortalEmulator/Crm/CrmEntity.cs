using System.Collections.Immutable;

namespace TelephonyHub.PortalEmulator.Crm;

/// <summary>A lead, contact, company or deal with the fields routing needs (reference §6.3).</summary>
/// <param name="Type">Entity kind.</param>
/// <param name="Id">Id, unique per kind; 0 in an admin request means "assign the next one".</param>
public sealed record CrmEntity(CrmEntityType Type, int Id)
{
    /// <summary>Title (leads, companies, deals).</summary>
    public string Title { get; init; } = "";

    /// <summary>First name (leads, contacts).</summary>
    public string Name { get; init; } = "";

    /// <summary>Last name (leads, contacts).</summary>
    public string LastName { get; init; } = "";

    /// <summary>Responsible user: <c>ASSIGNED_BY_ID</c>.</summary>
    public int AssignedById { get; init; }

    /// <summary>Phone numbers; deals have none of their own.</summary>
    public ImmutableArray<CrmPhone> Phones { get; init; } = [];

    /// <summary>Linked contact (deals, leads); 0 when none.</summary>
    public int ContactId { get; init; }

    /// <summary>Linked company (contacts, deals, leads); 0 when none.</summary>
    public int CompanyId { get; init; }

    /// <summary>Deal closed (<c>CLOSED</c> = Y).</summary>
    public bool Closed { get; init; }

    /// <summary>Lead <c>STATUS_ID</c> or deal <c>STAGE_ID</c>.</summary>
    public string Stage { get; init; } = "NEW";

    /// <summary>Set when a call auto-created this entity: the CALL_ID that did it.</summary>
    public string? CreatedByCallId { get; init; }

    /// <summary><c>SOURCE_ID</c> (leads), e.g. <c>CALL</c>.</summary>
    public string? SourceId { get; init; }

    /// <summary>The name Bitrix24 shows: the title, or the person's full name.</summary>
    public string DisplayName =>
        !string.IsNullOrEmpty(Title) ? Title : string.Join(' ', new[] { Name, LastName }.Where(p => p.Length > 0));
}
