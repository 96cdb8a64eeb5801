using System.Text.RegularExpressions;

namespace TelephonyHub.Silo.Tests.Storage;

internal static partial class QueryText
{
    /// <summary>The named parameters (<c>@Name</c>) a query text uses.</summary>
    public static IReadOnlySet<string> Parameters(string queryText) =>
        Parameter().Matches(queryText).Select(match => match.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"@([A-Za-z][A-Za-z0-9]*)")]
    private static partial Regex Parameter();
}
