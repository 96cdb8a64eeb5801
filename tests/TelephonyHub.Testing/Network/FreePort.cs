using System.Net;
using System.Net.Sockets;

namespace TelephonyHub.Testing.Network;

/// <summary>Finds free loopback ports for servers the tests start (the OS picks; the port is released at once).</summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
