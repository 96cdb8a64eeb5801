using System.Net;
using System.Text.Json;
using TelephonyHub.Silo.Settings;
using TelephonyHub.Testing.Hub;
using TelephonyHub.Testing.World;

namespace TelephonyHub.Silo.Tests.Queues;

/// <summary>An admin configures queues on the settings page inside Bitrix24, or through the JSON API.</summary>
public sealed class QueueSettingsTests : IAsyncLifetime
{
    private TelephonyWorld _world = null!;
    private TestPortal _portal = null!;

    public async Task InitializeAsync()
    {
        _world = await TelephonyWorld.StartAsync(async settings => await InProcessHub.StartAsync(settings));
        _portal = await _world.CreatePortalAsync();
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task AdminSavesAQueueOnTheSettingsPage_ThePageListsItWithTheMembersExtensions()
    {
        var (_, page) = await _world.SettingsPage.OpenAsync(_portal.MemberId, _portal.Domain, TestUsers.Admin);

        var (status, html) = await PostFormAsync(QueueSettingsEndpoints.SaveQueuePath, page, new()
        {
            ["line"] = "7", ["name"] = "Support", ["mode"] = "sequential", ["members"] = "12, 14 16",
            ["stepSeconds"] = "5", ["rounds"] = "2", ["overflow"] = "extension", ["overflowTarget"] = "800",
        });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Queue &#x27;Support&#x27; saved.", html, StringComparison.Ordinal);
        Assert.Contains("12 (ext 101), 14 (ext 102), 16 (ext 103)", html, StringComparison.Ordinal);
        Assert.Contains("missed; transfer to extension 800", html, StringComparison.Ordinal);

        var (_, removed) = await PostFormAsync(QueueSettingsEndpoints.RemoveQueuePath, html, new() { ["line"] = "7" });
        Assert.Contains("Queue of line 7 removed.", removed, StringComparison.Ordinal);
        Assert.Contains("No queue yet", removed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AQueueThatCannotWork_IsRefusedOnThePage_NamingEveryProblem()
    {
        var (_, page) = await _world.SettingsPage.OpenAsync(_portal.MemberId, _portal.Domain, TestUsers.Admin);

        var (status, html) = await PostFormAsync(QueueSettingsEndpoints.SaveQueuePath, page, new()
        {
            ["line"] = "7", ["name"] = "Support", ["mode"] = "sequential", ["members"] = "12, 1",
            ["stepSeconds"] = "0.5", ["rounds"] = "1", ["overflow"] = "hangup",
        });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("role=\"alert\"", html, StringComparison.Ordinal);
        Assert.Contains("Member 1 has no extension on this portal", html, StringComparison.Ordinal);
        Assert.Contains("The step time must be between 1 and 300 seconds (it is 0.5).", html, StringComparison.Ordinal);
        Assert.Contains("No queue yet", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueueApi_SavesListsAndRemoves_AndExplainsRefusals()
    {
        var session = await _world.AdminSessionAsync(_portal);
        var queue = new QueueJson("", "Everyone", "simultaneous", [12, 14, 16, 18], 7, 3, new QueueOverflowJson("user", null, 12));

        var (saved, body) = await _world.PutQueueAsync(_portal, queue, session);
        Assert.Equal(HttpStatusCode.OK, saved);
        Assert.Equal(7, JsonDocument.Parse(body).RootElement.GetProperty("queue").GetProperty("stepSeconds").GetDouble());

        var (refused, errors) = await _world.PutQueueAsync(_portal, queue with { Mode = "round-robin", StepSeconds = null }, session);
        Assert.Equal(HttpStatusCode.BadRequest, refused);
        Assert.Equal(
            ["Mode: choose simultaneous (everybody at once) or sequential (one after another).", "stepSeconds is required (the seconds one step rings, e.g. 5)."],
            JsonDocument.Parse(errors).RootElement.GetProperty("errors").EnumerateArray().Select(e => e.GetString()!).ToArray());

        var listed = JsonDocument.Parse(await SendAsync(HttpMethod.Get, QueueSettingsEndpoints.ApiPath, session, HttpStatusCode.OK));
        var only = Assert.Single(listed.RootElement.GetProperty("queues").EnumerateArray().ToArray());
        Assert.Equal(("Everyone", "user", 12), (only.GetProperty("name").GetString(), only.GetProperty("overflow").GetProperty("kind").GetString(), only.GetProperty("overflow").GetProperty("userId").GetInt32()));

        await SendAsync(HttpMethod.Delete, QueueSettingsEndpoints.ApiPath + "?line=", session, HttpStatusCode.NoContent);
        await SendAsync(HttpMethod.Delete, QueueSettingsEndpoints.ApiPath + "?line=", session, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task QueueApi_WithoutAValidSession_IsRefused()
    {
        await SendAsync(HttpMethod.Get, QueueSettingsEndpoints.ApiPath, null, HttpStatusCode.Unauthorized);
        await SendAsync(HttpMethod.Get, QueueSettingsEndpoints.ApiPath, "forged", HttpStatusCode.Unauthorized);
        var (status, _) = await _world.PutQueueAsync(_portal, new QueueJson("7", "x", "sequential", [12], 5, 1, null), session: "forged");
        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    private async Task<(HttpStatusCode Status, string Html)> PostFormAsync(string path, string page, Dictionary<string, string> fields)
    {
        fields["session"] = SettingsPageClient.SessionOf(page);
        using var response = await _world.Http.PostAsync(path.TrimStart('/'), new FormUrlEncodedContent(fields));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task<string> SendAsync(HttpMethod method, string path, string? session, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(method, path.TrimStart('/'));
        if (session is not null)
        {
            request.Headers.Add(QueueSettingsEndpoints.SessionHeader, session);
        }

        using var response = await _world.Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{method} {path}: expected {expected}, got {response.StatusCode}: {body}");
        return body;
    }
}
