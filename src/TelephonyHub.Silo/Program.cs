using TelephonyHub.Silo.Hosting;

if (args is [MigrateDatabaseCommand.Name, .. var rest])
{
    return await MigrateDatabaseCommand.RunAsync(rest);
}

await HubApp.Build(args).RunAsync();
return 0;
