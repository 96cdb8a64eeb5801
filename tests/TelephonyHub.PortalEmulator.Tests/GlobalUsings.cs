global using System.Text.Json.Nodes;
global using TelephonyHub.PortalEmulator.Tests.Support;
