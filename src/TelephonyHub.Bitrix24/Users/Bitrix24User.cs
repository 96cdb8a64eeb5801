using TelephonyHub.Bitrix24.Rest;

namespace TelephonyHub.Bitrix24.Users;

/// <summary>A portal user as <c>user.get</c> returns it (reference §7.1); fields outside the granted scope are null.</summary>
[GenerateSerializer, Immutable, Alias("b24-user-v1")]
public sealed record Bitrix24User
{
    /// <summary><c>ID</c>.</summary>
    [Id(0)] public required long Id { get; init; }

    /// <summary><c>ACTIVE</c>: false for fired users.</summary>
    [Id(1)] public bool? Active { get; init; }

    /// <summary><c>NAME</c>.</summary>
    [Id(2)] public string? Name { get; init; }

    /// <summary><c>LAST_NAME</c>.</summary>
    [Id(3)] public string? LastName { get; init; }

    /// <summary><c>EMAIL</c> (scope <c>user_basic</c>).</summary>
    [Id(4)] public string? Email { get; init; }

    /// <summary><c>IS_ONLINE</c>: web presence.</summary>
    [Id(5)] public bool? IsOnline { get; init; }

    /// <summary><c>UF_PHONE_INNER</c>: the user's extension on the PBX.</summary>
    [Id(6)] public string? PhoneInner { get; init; }

    /// <summary><c>WORK_PHONE</c> (scope <c>user_basic</c>).</summary>
    [Id(7)] public string? WorkPhone { get; init; }

    /// <summary><c>PERSONAL_MOBILE</c> (scope <c>user_basic</c>).</summary>
    [Id(8)] public string? PersonalMobile { get; init; }

    /// <summary><c>UF_DEPARTMENT</c>.</summary>
    [Id(9)] public ImmutableArray<long> Departments { get; init; } = [];

    /// <summary><c>USER_TYPE</c>: <c>employee</c>, <c>extranet</c>, <c>email</c>.</summary>
    [Id(10)] public string? UserType { get; init; }

    internal static Bitrix24User Parse(JsonElement item) => new()
    {
        Id = item.RequiredLong("ID"),
        Active = item.Bool("ACTIVE"),
        Name = item.Text("NAME"),
        LastName = item.Text("LAST_NAME"),
        Email = item.Text("EMAIL"),
        IsOnline = item.Bool("IS_ONLINE"),
        PhoneInner = item.Text("UF_PHONE_INNER") is { Length: > 0 } inner ? inner : null,
        WorkPhone = item.Text("WORK_PHONE"),
        PersonalMobile = item.Text("PERSONAL_MOBILE"),
        Departments = item.LongList("UF_DEPARTMENT"),
        UserType = item.Text("USER_TYPE"),
    };
}
