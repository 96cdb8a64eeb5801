namespace TelephonyHub.Silo.Storage;

/// <summary>What <see cref="DatabaseSchemaInstaller"/> did to a database.</summary>
/// <param name="Provider">The database kind.</param>
/// <param name="Database">Where it was applied (host/port/database or file path; never credentials).</param>
/// <param name="Scripts">The script files applied, in order.</param>
/// <param name="QueryKeys">The Orleans query keys present in <c>OrleansQuery</c> afterwards, sorted.</param>
public sealed record AppliedSchema(
    DatabaseProvider Provider,
    string Database,
    IReadOnlyList<string> Scripts,
    IReadOnlyList<string> QueryKeys);
