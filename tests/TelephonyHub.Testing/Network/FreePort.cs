using System.Net;
using System.Net.Sockets;

namespace TelephonyHub.Testing.Network;

/// <summary>
/// Hands out free loopback ports for servers the tests start. Ports come from below the kernel's ephemeral range
/// (32768+ on Linux), where outgoing connections of the many parallel tests take their ports: a port the OS picked for
/// us and released could be taken by such a connection before our server binds it. Each test process starts at a
/// random place in the range and checks every port by binding it.
/// </summary>
public static class FreePort
{
    private const int First = 20_000;
    private const int Last = 32_000;

    private static int _next = Random.Shared.Next(First, Last);

    public static int Next()
    {
        for (var attempt = 0; attempt < Last - First; attempt++)
        {
            var port = First + ((Interlocked.Increment(ref _next) - First) % (Last - First));
            if (IsFree(port))
            {
                return port;
            }
        }

        throw new InvalidOperationException($"No free loopback port between {First} and {Last}.");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
