namespace TelephonyHub.Testing.PostgreSql;

/// <summary>The installed PostgreSQL server tools a throwaway test server is started with.</summary>
/// <param name="Directory">The folder holding <c>initdb</c> and <c>pg_ctl</c>.</param>
public sealed record PostgreSqlBinaries(string Directory)
{
    /// <summary>Where Debian's <c>postgresql</c> packages install one folder per major version.</summary>
    public const string DebianRoot = "/usr/lib/postgresql";

    /// <summary>The major version the hub is developed against (reference orleans-10.md, "Running PostgreSQL without Docker").</summary>
    public const string PreferredVersion = "15";

    /// <summary>An environment variable naming a bin folder to use instead (e.g. a Homebrew or source install).</summary>
    public const string OverrideVariable = "TELEPHONYHUB_POSTGRESQL_BIN";

    /// <summary>The <c>initdb</c> executable.</summary>
    public string InitDb => Path.Combine(Directory, "initdb");

    /// <summary>The <c>pg_ctl</c> executable.</summary>
    public string PgCtl => Path.Combine(Directory, "pg_ctl");

    /// <summary>
    /// Finds the tools: <see cref="OverrideVariable"/> if set, else <c>/usr/lib/postgresql/15/bin</c>, else the newest
    /// installed version there.
    /// </summary>
    /// <exception cref="InvalidOperationException">No usable installation; the message says how to install one.</exception>
    public static PostgreSqlBinaries Locate()
    {
        var overridden = Environment.GetEnvironmentVariable(OverrideVariable);
        if (!string.IsNullOrWhiteSpace(overridden))
        {
            return HasTools(overridden)
                ? new PostgreSqlBinaries(overridden)
                : throw new InvalidOperationException(
                    $"{OverrideVariable}={overridden} does not contain initdb and pg_ctl.");
        }

        var candidates = new[] { Path.Combine(DebianRoot, PreferredVersion, "bin") }
            .Concat(InstalledVersionsNewestFirst().Select(version => Path.Combine(DebianRoot, version, "bin")));
        var found = candidates.FirstOrDefault(HasTools);
        return found is not null
            ? new PostgreSqlBinaries(found)
            : throw new InvalidOperationException(
                $"The PostgreSQL server binaries (initdb, pg_ctl) were not found under {DebianRoot}/<version>/bin. " +
                $"The end-to-end tests start their own throwaway server from them: install them with " +
                $"'apt-get install -y postgresql', or set {OverrideVariable} to a folder that has them.");
    }

    private static IEnumerable<string> InstalledVersionsNewestFirst() =>
        System.IO.Directory.Exists(DebianRoot)
            ? System.IO.Directory.GetDirectories(DebianRoot)
                .Select(Path.GetFileName)
                .OfType<string>()
                .Where(name => decimal.TryParse(name, System.Globalization.CultureInfo.InvariantCulture, out _))
                .OrderByDescending(name => decimal.Parse(name, System.Globalization.CultureInfo.InvariantCulture))
            : [];

    private static bool HasTools(string directory) =>
        File.Exists(Path.Combine(directory, "initdb")) && File.Exists(Path.Combine(directory, "pg_ctl"));
}
