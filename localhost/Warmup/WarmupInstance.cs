using System.Net.Http.Headers;
using System.Security.Cryptography;
using AsyncCommerce.Adapters.Simulated.Payments;
using AsyncCommerce.Api.Authorization;
using AsyncCommerce.Catalog;
using AsyncCommerce.LocalHost.Storage;
using AsyncCommerce.LocalHost.Telemetry;
using AsyncCommerce.Payments;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AsyncCommerce.LocalHost.Warmup;

/// <summary>
/// A throwaway copy of the local host, in memory, on a free loopback port: the same routes, workflows and stores as the
/// real one, with its own data, so the warm-up's orders never reach the real host's stores, stock or telemetry.
/// </summary>
internal sealed class WarmupInstance : IAsyncDisposable
{
    private const string Issuer = "asynccommerce-warmup";
    private const string Audience = "asynccommerce-warmup";

    private readonly WebApplication _app;

    private WarmupInstance(WebApplication app, HttpClient client)
    {
        _app = app;
        Client = client;
    }

    /// <summary>Talks to the instance, as staff of every store (the store routes are part of what is warmed).</summary>
    public HttpClient Client { get; }

    public static async Task<WarmupInstance> StartAsync(IConfiguration configuration, IHostEnvironment environment, CancellationToken cancellationToken)
    {
        var signingKey = RandomNumberGenerator.GetBytes(32);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = ConfigurationFiles.ReadOnce([]),
            ApplicationName = environment.ApplicationName,
            ContentRootPath = environment.ContentRootPath,
            EnvironmentName = environment.EnvironmentName,
        });
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddConfiguration(configuration);
        builder.Configuration.AddInMemoryCollection(Overrides(signingKey));
        builder.Logging.ClearProviders();
        builder.Services.AddLocalCommerce(builder.Configuration);

        var app = builder.Build();
        app.MapLocalCommerce();
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        var client = new HttpClient { BaseAddress = new Uri(address) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(CommerceAccess.BearerScheme, StaffToken(signingKey));
        return new WarmupInstance(app, client);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    // Everything the real host is configured with, except what would make the warm-up slow, recursive or visible.
    private static Dictionary<string, string?> Overrides(byte[] signingKey) => new(CommerceAccess.SigningKeySettings(Issuer, Audience, "warmup", signingKey))
    {
        [WebHostDefaults.ServerUrlsKey] = "http://127.0.0.1:0",
        [StorageModeSetting.Key] = nameof(StorageMode.Memory),
        [TelemetryExporterSetting.Key] = nameof(TelemetryExporter.None),
        [$"{WarmupOptions.Section}:{nameof(WarmupOptions.Orders)}"] = "0",
        [$"{SimulatedGatewayOptions.Section}:{nameof(SimulatedGatewayOptions.GatewayLatency)}"] = "00:00:00.001",
        [$"{PaymentOptions.Section}:{nameof(PaymentOptions.RetryFirstInterval)}"] = "00:00:00.010",
        [$"{PaymentOptions.Section}:{nameof(PaymentOptions.RetryMaxInterval)}"] = "00:00:00.050",
    };

    private static string StaffToken(byte[] signingKey) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = Issuer,
        Audience = Audience,
        Expires = DateTime.UtcNow.AddHours(1),
        Claims = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["sub"] = "warmup",
            [CommerceAccess.StoreClaim] = SeedData.Stores.Select(store => store.StoreId).ToArray(),
        },
        SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(signingKey), SecurityAlgorithms.HmacSha256),
    });
}
