using TelephonyHub.Bitrix24.Rest;

namespace TelephonyHub.Bitrix24.Crm;

/// <summary>
/// A lead, contact, company or deal as the legacy <c>crm.*.get</c>/<c>crm.deal.list</c> return it (reference §6.3),
/// reduced to the routing fields. Ids arrive as strings; zero ids mean "none" and become null.
/// </summary>
[GenerateSerializer, Immutable, Alias("b24-crm-entity-v1")]
public sealed record CrmEntity
{
    /// <summary><c>ID</c>.</summary>
    [Id(0)] public required long Id { get; init; }

    /// <summary><c>TITLE</c> (lead, company, deal).</summary>
    [Id(1)] public string? Title { get; init; }

    /// <summary><c>NAME</c> (lead, contact).</summary>
    [Id(2)] public string? Name { get; init; }

    /// <summary><c>LAST_NAME</c> (lead, contact).</summary>
    [Id(3)] public string? LastName { get; init; }

    /// <summary><c>ASSIGNED_BY_ID</c>: the responsible user.</summary>
    [Id(4)] public long? AssignedById { get; init; }

    /// <summary><c>CONTACT_ID</c>.</summary>
    [Id(5)] public long? ContactId { get; init; }

    /// <summary><c>COMPANY_ID</c>.</summary>
    [Id(6)] public long? CompanyId { get; init; }

    /// <summary><c>PHONE</c> multi-field.</summary>
    [Id(7)] public ImmutableArray<CrmPhone> Phones { get; init; } = [];

    /// <summary><c>STATUS_ID</c> (lead).</summary>
    [Id(8)] public string? StatusId { get; init; }

    /// <summary><c>STATUS_SEMANTIC_ID</c> (lead): P open, S converted, F junk.</summary>
    [Id(9)] public string? StatusSemanticId { get; init; }

    /// <summary><c>STAGE_ID</c> (deal).</summary>
    [Id(10)] public string? StageId { get; init; }

    /// <summary><c>STAGE_SEMANTIC_ID</c> (deal): P open, S won, F lost.</summary>
    [Id(11)] public string? StageSemanticId { get; init; }

    /// <summary><c>CLOSED</c> (deal).</summary>
    [Id(12)] public bool? Closed { get; init; }

    /// <summary><c>CATEGORY_ID</c> (deal pipeline).</summary>
    [Id(13)] public long? CategoryId { get; init; }

    /// <summary>True for a deal that is still in progress.</summary>
    public bool IsOpenDeal => Closed == false || (Closed is null && StageSemanticId == "P");

    internal static CrmEntity Parse(JsonElement item)
    {
        item.RequireObject("The CRM entity");
        return new CrmEntity
        {
            Id = item.RequiredLong("ID"),
            Title = item.Text("TITLE"),
            Name = item.Text("NAME"),
            LastName = item.Text("LAST_NAME"),
            AssignedById = Positive(item.Long("ASSIGNED_BY_ID")),
            ContactId = Positive(item.Long("CONTACT_ID")),
            CompanyId = Positive(item.Long("COMPANY_ID")),
            Phones = item.Property("PHONE") is { } phones
                ? [.. phones.Entries()
                    .Where(e => e.Value.Text("VALUE") is { Length: > 0 })
                    .Select(e => new CrmPhone(e.Value.RequiredText("VALUE"), e.Value.Text("VALUE_TYPE")))]
                : [],
            StatusId = item.Text("STATUS_ID"),
            StatusSemanticId = item.Text("STATUS_SEMANTIC_ID"),
            StageId = item.Text("STAGE_ID"),
            StageSemanticId = item.Text("STAGE_SEMANTIC_ID"),
            Closed = item.Bool("CLOSED"),
            CategoryId = item.Long("CATEGORY_ID"),
        };
    }

    private static long? Positive(long? id) => id is > 0 ? id : null;
}
