using TelephonyHub.PortalEmulator.Portals;

namespace TelephonyHub.Testing.World;

/// <summary>The users every test portal has: an admin without extension and four operators with extensions.</summary>
public static class TestUsers
{
    public const int Admin = 1;
    public const int Anna = 12;
    public const int Boris = 14;
    public const int Clara = 16;
    public const int Dmitri = 18;

    public static readonly IReadOnlyDictionary<int, string> Extensions = new Dictionary<int, string>
    {
        [Anna] = "101",
        [Boris] = "102",
        [Clara] = "103",
        [Dmitri] = "104",
    };

    public static PortalUser[] All() =>
    [
        new(Admin, "Alex", "Admin") { IsAdmin = true },
        new(Anna, "Anna", "Ivanova", "101"),
        new(Boris, "Boris", "Petrov", "102"),
        new(Clara, "Clara", "Smirnova", "103"),
        new(Dmitri, "Dmitri", "Volkov", "104"),
    ];
}
