using Microsoft.AspNetCore.Hosting;
using TelephonyHub.PortalEmulator.Hosting;

// The standalone sandbox: http://127.0.0.1:5080 with the demo seed unless configuration says otherwise
// (--urls, ASPNETCORE_URLS, Kestrel:Endpoints, PortalEmulator:SeedFile …).
var builder = WebApplication.CreateBuilder(args);
if (builder.Configuration[WebHostDefaults.ServerUrlsKey] is null && !builder.Configuration.GetSection("Kestrel:Endpoints").Exists())
{
    builder.WebHost.UseUrls("http://127.0.0.1:5080");
}

builder.Services.AddPortalEmulator(options =>
{
    options.SeedFile = "seed.demo.json";
    builder.Configuration.GetSection("PortalEmulator").Bind(options);
});

var app = builder.Build();
app.MapPortalEmulator();
app.Run();
