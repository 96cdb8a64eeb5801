using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using TelephonyHub.PortalEmulator.Apps;
using TelephonyHub.PortalEmulator.Crm;
using TelephonyHub.PortalEmulator.Hosting;
using TelephonyHub.PortalEmulator.OAuth;
using TelephonyHub.PortalEmulator.Portals;

namespace TelephonyHub.PortalEmulator.Tests.Support;

/// <summary>
/// An emulator on 127.0.0.1:0 with a fake clock, one app and one portal with the app installed, and an HTTP
/// client that calls the portal like the hub would (through client_endpoint).
/// </summary>
internal sealed class EmulatorHarness : IAsyncDisposable
{
    public const string ClientId = "app.5f1e2d3c4b5a69.00000001";
    public const string ClientSecret = "test-secret";
    public const string Domain = "acme.bitrix24.test";
    public const string ContactPhone = "+49 30 1234567";

    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private EmulatorHarness(PortalEmulatorServer server, FakeTimeProvider clock, TokenPair tokens)
    {
        Server = server;
        Clock = clock;
        Tokens = tokens;
        Http = new HttpClient { BaseAddress = server.BaseUri };
    }

    public PortalEmulatorServer Server { get; }

    public FakeTimeProvider Clock { get; }

    /// <summary>Tokens of the admin (user 1) for the app.</summary>
    public TokenPair Tokens { get; set; }

    public HttpClient Http { get; }

    public Portal Portal => Server.Portal(Domain);

    public Uri ClientEndpoint => Server.ClientEndpoint(Domain);

    public static async Task<EmulatorHarness> StartAsync(
        PortalPlan plan = PortalPlan.Ordinary, Uri? installHandler = null, Uri? appPage = null, bool install = true, string telephonyErrorCode = "",
        Uri? installerPage = null)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 10, 8, 0, 0, TimeSpan.Zero));
        var server = await PortalEmulatorServer.StartAsync(new PortalEmulatorOptions
        {
            TelephonyErrorCode = telephonyErrorCode,
            TimeProvider = clock,
            Seed = new EmulatorSeed
            {
                Apps = [new MarketApp(ClientId, ClientSecret) { Name = "Hub under test", InstallHandlerUrl = installHandler, AppPageUrl = appPage, InstallerPageUrl = installerPage }],
                Portals = [Definition(plan, install)],
            },
        });
        var tokens = install ? server.IssueTokens(Domain, ClientId, 1) : new TokenPair("", "", default, 0, "", ClientId, 1);
        return new EmulatorHarness(server, clock, tokens);
    }

    public static PortalDefinition Definition(PortalPlan plan, bool install) => new(Domain)
    {
        MemberId = "a223c6b9410f85df78e9377d6c4f7213",
        Plan = plan,
        Region = "DE",
        Users =
        [
            new PortalUser(1, "Anna", "Admin", "100") { IsAdmin = true },
            new PortalUser(11, "Boris", "Sales", "101"),
            new PortalUser(24, "Clara", "Support", "102"),
            new PortalUser(31, "Fired", "Person", "103") { Active = false },
        ],
        Crm =
        [
            new CrmEntity(CrmEntityType.Contact, 797) { Name = "Erika", LastName = "Mustermann", AssignedById = 11, Phones = [new CrmPhone(ContactPhone)] },
            new CrmEntity(CrmEntityType.Company, 3013) { Title = "Nordwind GmbH", AssignedById = 24, Phones = [new CrmPhone(ContactPhone)] },
        ],
        Webhooks = [new Webhook(1, "hookcode0123")],
        PreinstalledApps = install ? [ClientId] : [],
    };

    /// <summary>GET {client_endpoint}{method}?{query}&amp;auth=…</summary>
    public Task<Reply> GetAsync(string method, string query = "") =>
        SendAsync(new HttpRequestMessage(HttpMethod.Get, Url(method, $"{query}{(query.Length > 0 ? "&" : "")}auth={Tokens.AccessToken}")));

    /// <summary>POST form to {client_endpoint}{method} with auth in the form.</summary>
    public Task<Reply> PostFormAsync(string method, params (string Name, string Value)[] fields) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, Url(method, ""))
        {
            Content = new FormUrlEncodedContent([.. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)), new("auth", Tokens.AccessToken)]),
        });

    /// <summary>POST JSON to {client_endpoint}{method} with auth as a top-level key.</summary>
    public Task<Reply> PostJsonAsync(string method, JsonObject body)
    {
        body["auth"] = Tokens.AccessToken;
        return SendAsync(new HttpRequestMessage(HttpMethod.Post, Url(method, "")) { Content = JsonContent.Create(body) });
    }

    /// <summary>Registers an incoming call for user 11 and returns its CALL_ID.</summary>
    public async Task<string> RegisterAsync(params (string Name, string Value)[] extra)
    {
        var reply = await PostFormAsync(
            "telephony.externalcall.register",
            [("USER_ID", "11"), ("PHONE_NUMBER", "+4940111222"), ("TYPE", "2"), .. extra]);
        Assert.True(reply.Status == 200, $"register failed: {reply}");
        return reply.Result!["CALL_ID"]!.GetValue<string>();
    }

    public async Task<Reply> SendAsync(HttpRequestMessage request)
    {
        using (request)
        {
            using var response = await Http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            return new Reply((int)response.StatusCode, JsonNode.Parse(text)!);
        }
    }

    public Uri Url(string method, string query) => new($"{ClientEndpoint}{method}{(query.Length > 0 ? "?" + query : "")}");

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
    }
}
