namespace TelephonyHub.Bitrix24.Users;

/// <summary>The result of <c>profile</c>.</summary>
/// <param name="Id"><c>ID</c>.</param>
/// <param name="IsAdmin"><c>ADMIN</c>.</param>
/// <param name="Name"><c>NAME</c>.</param>
/// <param name="LastName"><c>LAST_NAME</c>.</param>
/// <param name="TimeZone"><c>TIME_ZONE</c>, e.g. <c>Europe/Berlin</c>, when set.</param>
[GenerateSerializer, Immutable, Alias("b24-profile-v1")]
public sealed record Bitrix24Profile(
    [property: Id(0)] long Id,
    [property: Id(1)] bool IsAdmin,
    [property: Id(2)] string? Name,
    [property: Id(3)] string? LastName,
    [property: Id(4)] string? TimeZone);
