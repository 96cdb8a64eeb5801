using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Runtime;

namespace TelephonyHub.Silo.Storage;

/// <summary>
/// Applies the storage schema as the very first step of the silo's start, so that the Orleans ADO.NET providers find
/// their tables and queries: membership initializes at <see cref="ServiceLifecycleStage.RuntimeInitialize"/>, grain
/// storage at <see cref="ServiceLifecycleStage.ApplicationServices"/>, reminders later still. A failure stops the
/// silo before it joins the cluster.
/// </summary>
internal sealed class SchemaOnSiloStart(StorageOptions options, ILoggerFactory loggerFactory) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(SchemaOnSiloStart), ServiceLifecycleStage.First, ApplyAsync);

    private Task ApplyAsync(CancellationToken cancellationToken) =>
        DatabaseSchemaInstaller.ApplyAsync(
            options, loggerFactory.CreateLogger(typeof(DatabaseSchemaInstaller).FullName!), cancellationToken);
}
