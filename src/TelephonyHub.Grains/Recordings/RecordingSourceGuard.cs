using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace TelephonyHub.Grains.Recordings;

/// <summary>
/// Keeps recording downloads off the hub's own networks. A PBX names the URL, so without a check any tenant could make
/// the hub fetch from its loopback, the cluster's private network or a cloud metadata service, and receive the answer
/// as a recording in its own Bitrix24. The check runs where the connection is made, on the address actually dialled
/// (after DNS, for every redirect): a host name that resolves to a private address is refused as well.
/// Special-purpose networks (loopback, private, link-local, shared, multicast, reserved) are refused unless listed in
/// <see cref="RecordingOptions.FetchAllowedNetworks"/>, for PBXs the hub reaches over a private link.
/// </summary>
public sealed class RecordingSourceGuard(IOptions<RecordingOptions> options)
{
    /// <summary>IANA's special-purpose blocks that no PBX on the internet serves from.</summary>
    private static readonly IPNetwork[] Forbidden =
    [
        .. ((string[])[
            "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12", "192.0.0.0/24",
            "192.168.0.0/16", "198.18.0.0/15", "224.0.0.0/4", "240.0.0.0/4",
            "::/128", "::1/128", "fc00::/7", "fe80::/10", "ff00::/8",
        ]).Select(IPNetwork.Parse),
    ];

    private readonly IPNetwork[] _allowed = [.. options.Value.FetchAllowedNetworks.Select(IPNetwork.Parse)];

    /// <summary>Why the hub must not connect to <paramref name="address"/> ("in 10.0.0.0/8, …"); null when it may.</summary>
    public string? RefusalFor(IPAddress address)
    {
        var dialled = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        if (_allowed.Any(network => network.Contains(dialled)))
        {
            return null;
        }

        foreach (var network in Forbidden)
        {
            if (network.Contains(dialled))
            {
                return $"in {network}, a loopback, private or reserved network the hub does not fetch recordings from (Recordings:FetchAllowedNetworks lists exceptions)";
            }
        }

        return null;
    }

    /// <summary>
    /// <see cref="SocketsHttpHandler.ConnectCallback"/>: resolves the host, refuses when any of its addresses is
    /// forbidden (a host with one private address among public ones could be steered to it), then connects.
    /// </summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
        foreach (var address in addresses)
        {
            if (RefusalFor(address) is { } refusal)
            {
                throw new RecordingSourceForbiddenException(literal is not null
                    ? $"the recording URL's host {address} is {refusal}"
                    : $"the recording URL's host {host} resolves to {address}, which is {refusal}");
            }
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
