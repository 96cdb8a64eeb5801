using TelephonyHub.Silo.Storage;

namespace TelephonyHub.Silo.Hosting;

/// <summary>
/// <c>TelephonyHub.Silo migrate-database</c>: applies the schema scripts to the configured database and exits. The
/// one documented step for setting up a database by hand (silos also apply it at start unless told not to).
/// </summary>
public static class MigrateDatabaseCommand
{
    public const string Name = "migrate-database";

    public static async Task<int> RunAsync(string[] args)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(args)
            .Build();
        using var loggers = LoggerFactory.Create(logging => logging.AddSimpleConsole(console => console.SingleLine = true));
        var logger = loggers.CreateLogger(Name);
        try
        {
            var applied = await DatabaseSchemaInstaller.ApplyAsync(StorageOptions.FromConfiguration(configuration), logger, CancellationToken.None);
            Console.WriteLine($"Applied {applied.Scripts.Count} script(s) to {applied.Database}; {applied.QueryKeys.Count} Orleans queries present.");
            return 0;
        }
        catch (Exception ex)
        {
            Console.Error.WriteLine($"migrate-database failed: {ex.Message}");
            return 1;
        }
    }
}
