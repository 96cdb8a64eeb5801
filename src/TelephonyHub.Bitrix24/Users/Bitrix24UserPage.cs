namespace TelephonyHub.Bitrix24.Users;

/// <summary>One page of <c>user.get</c>.</summary>
/// <param name="Users">The users on this page.</param>
/// <param name="Total">All matching users (<c>total</c>).</param>
/// <param name="Next">The <c>start</c> of the next page, or null on the last one.</param>
[GenerateSerializer, Immutable, Alias("b24-user-page-v1")]
public sealed record Bitrix24UserPage(
    [property: Id(0)] ImmutableArray<Bitrix24User> Users,
    [property: Id(1)] long? Total,
    [property: Id(2)] long? Next);
