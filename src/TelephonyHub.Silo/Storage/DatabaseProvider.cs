namespace TelephonyHub.Silo.Storage;

/// <summary>The database that holds the hub's Orleans data (configuration key <c>Storage:Provider</c>).</summary>
public enum DatabaseProvider
{
    /// <summary>
    /// PostgreSQL for cluster membership, grain state and reminders: the production setup, several silos on one
    /// database. Needs <c>Storage:ConnectionString</c>.
    /// </summary>
    PostgreSql,

    /// <summary>
    /// An embedded SQLite file (<c>{Storage:DataDirectory}/telephonyhub.db</c>) for grain state and reminders, with
    /// localhost clustering: the zero-configuration single-silo setup.
    /// </summary>
    Sqlite,
}
