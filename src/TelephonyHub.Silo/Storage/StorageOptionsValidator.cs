using Microsoft.Extensions.Options;
using Npgsql;

namespace TelephonyHub.Silo.Storage;

/// <summary>Checks that <see cref="StorageOptions"/> describe one usable database. Messages never echo the connection string.</summary>
public sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var hasConnectionString = !string.IsNullOrWhiteSpace(options.ConnectionString);

        if (options.Provider is { } provider && !Enum.IsDefined(provider))
        {
            failures.Add($"Storage:Provider must be {DatabaseProvider.PostgreSql} or {DatabaseProvider.Sqlite}.");
        }
        else if (options.EffectiveProvider == DatabaseProvider.PostgreSql)
        {
            if (!hasConnectionString)
            {
                failures.Add("Storage:ConnectionString is required when Storage:Provider is PostgreSql.");
            }
            else if (!IsNpgsqlConnectionString(options.ConnectionString!))
            {
                failures.Add("Storage:ConnectionString is not a valid Npgsql connection string (value not shown).");
            }

            if (options.MaxConnections < 1)
            {
                failures.Add("Storage:MaxConnections must be at least 1.");
            }

            if (options.GrainStateBatchSize is < 1 or > 1000)
            {
                failures.Add("Storage:GrainStateBatchSize must be between 1 and 1000.");
            }

            if (options.GrainStateRoundTrips < 1 || options.GrainStateRoundTrips > Math.Max(1, options.MaxConnections))
            {
                failures.Add("Storage:GrainStateRoundTrips must be at least 1 and at most Storage:MaxConnections.");
            }
        }
        else
        {
            // A connection string next to an explicit Sqlite would be silently ignored; say so instead.
            if (hasConnectionString)
            {
                failures.Add("Storage:ConnectionString is only for PostgreSQL: remove it or set Storage:Provider to PostgreSql.");
            }

            if (string.IsNullOrWhiteSpace(options.DataDirectory))
            {
                failures.Add("Storage:DataDirectory must name the folder of the SQLite file.");
            }
        }

        if (options.CallStateRetention < StorageOptions.MinimumCallStateRetention)
        {
            failures.Add($"Storage:CallStateRetention must be at least {StorageOptions.MinimumCallStateRetention:c}: calls' late events and Bitrix24's answers still need their state.");
        }

        if (options.CallStateSweepPeriod <= TimeSpan.Zero || options.CallStateSweepPeriod > TimeSpan.FromDays(1))
        {
            failures.Add("Storage:CallStateSweepPeriod must be more than zero and at most one day.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsNpgsqlConnectionString(string connectionString)
    {
        try
        {
            _ = new NpgsqlConnectionStringBuilder(connectionString);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
