using Microsoft.Extensions.Logging;

namespace TelephonyHub.Silo.Storage;

public static partial class DatabaseSchemaInstaller
{
    [LoggerMessage(Level = LogLevel.Information,
        Message = "Applying the {Provider} storage schema to {Database}: {ScriptCount} scripts from {ScriptDirectory}")]
    private static partial void LogApplying(ILogger logger, DatabaseProvider provider, string database, int scriptCount, string scriptDirectory);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Applied schema script {Script} to {Database}")]
    private static partial void LogScriptApplied(ILogger logger, string script, string database);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "The {Provider} storage schema on {Database} is current: {QueryCount} Orleans queries installed")]
    private static partial void LogApplied(ILogger logger, DatabaseProvider provider, string database, int queryCount);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "SQLite database {Database} stays in journal mode {JournalMode} instead of WAL: grain reads will wait for writes")]
    private static partial void LogNoWriteAheadLog(ILogger logger, string database, string journalMode);
}
