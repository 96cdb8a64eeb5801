using System.Net;
using System.Net.Http.Json;
using TelephonyHub.Silo.Settings;

namespace TelephonyHub.Testing.World;

/// <summary>
/// Configures call queues the way a portal admin's script does: opens the settings page inside the emulated
/// Bitrix24 as the admin, then calls the queue API with the page's session token.
/// </summary>
public static class QueueSettingsClient
{
    /// <summary>Saves the queue and fails the test with the hub's reasons when it is refused.</summary>
    public static async Task ConfigureQueueAsync(this TelephonyWorld world, TestPortal portal, QueueJson queue)
    {
        var (status, body) = await world.PutQueueAsync(portal, queue);
        if (status != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"The hub refused the queue ({(int)status}): {body}");
        }
    }

    /// <summary><c>PUT</c> on the queue API: the status and the JSON answer.</summary>
    public static async Task<(HttpStatusCode Status, string Body)> PutQueueAsync(this TelephonyWorld world, TestPortal portal, QueueJson queue, string? session = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, QueueSettingsEndpoints.ApiPath.TrimStart('/')) { Content = JsonContent.Create(queue) };
        request.Headers.Add(QueueSettingsEndpoints.SessionHeader, session ?? await world.AdminSessionAsync(portal));
        using var response = await world.Http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The session token of the settings page opened by the portal's admin.</summary>
    public static async Task<string> AdminSessionAsync(this TelephonyWorld world, TestPortal portal)
    {
        var (_, html) = await world.SettingsPage.OpenAsync(portal.MemberId, portal.Domain, TestUsers.Admin);
        return SettingsPageClient.SessionOf(html);
    }
}
