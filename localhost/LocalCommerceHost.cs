using AsyncCommerce.Adapters.InMemory;
using AsyncCommerce.Adapters.Simulated;
using AsyncCommerce.Api;
using AsyncCommerce.Api.Checkout;
using AsyncCommerce.Api.OpenApi;
using AsyncCommerce.LocalHost.Authorization;
using AsyncCommerce.LocalHost.Benchmark;
using AsyncCommerce.LocalHost.EmbeddedEngine;
using AsyncCommerce.LocalHost.Leveling;
using AsyncCommerce.LocalHost.Storage;
using AsyncCommerce.LocalHost.Telemetry;
using AsyncCommerce.LocalHost.Warmup;
using AsyncCommerce.LocalHost.Workflows;
using Microsoft.AspNetCore.Diagnostics;
using Scalar.AspNetCore;

namespace AsyncCommerce.LocalHost;

/// <summary>
/// The whole system in one process: the HTTP API, the workflows on an embedded Durable Task engine, simulated
/// gateways, and the stores of the storage mode (<see cref="StorageMode"/>) behind the same ports the Azure adapters
/// use: in memory with an in-process bus, or on Azurite (Azure Tables, and the Durable engine's Azure Storage backend).
/// </summary>
public static class LocalCommerceHost
{
    public const string DefaultUrl = "http://localhost:7071";

    public static WebApplicationBuilder UseLocalDefaults(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        // ASPNETCORE_URLS or --urls win; otherwise the port the Functions host would use.
        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
            builder.WebHost.UseUrls(DefaultUrl);

        builder.Logging.AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.TimestampFormat = "HH:mm:ss.fff ";
        });
        return builder;
    }

    public static IServiceCollection AddLocalCommerce(this IServiceCollection services, IConfiguration configuration)
    {
        var storage = StorageModeSetting.Read(configuration);

        // Storage that cannot be had stops the host before the warm-up spends seconds of CPU on a host that cannot serve.
        if (storage == StorageMode.Azurite)
            services.AddLocalAzurite();
        services.AddHostWarmup(configuration);
        services.AddCommerceWorkflows(configuration);
        if (storage == StorageMode.Azurite)
            services.AddAzuriteStorage(configuration);
        else
            services.AddInMemoryAdapters().Configure<CheckoutOptions>(SignalSeesEveryChange).AddInMemoryHistoryDefaults(configuration);
        services.AddSimulatedAdapters(configuration);
        services.AddOrderEventDispatcher(configuration);
        services.AddCommerceApi(configuration);
        services.AddEmbeddedDurableTask(configuration, storage);
        services.AddCommerceOpenApi();
        services.AddLocalTelemetry(configuration);
        services.AddLocalAuthentication();
        services.AddSynchronousCheckout(configuration);
        services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(10));
        return services;
    }

    // In memory, only this process saves order views, so its change signal wakes every waiting status request; it
    // need not re-read (configuration, bound later, can still set an interval).
    private static void SignalSeesEveryChange(CheckoutOptions checkout) => checkout.StatusWaitRecheckInterval = TimeSpan.Zero;

    public static WebApplication MapLocalCommerce(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);

        // Anything unexpected becomes a problem+json 500 (a bug to fix); Kestrel's own request errors keep their status.
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = error => error is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
        });
        app.UseStatusCodePages();
        if (app.Services.GetService<CheckoutArrivals>() is not null)
            app.UseMiddleware<CheckoutArrivals>();
        app.UseAuthentication();
        app.UseAuthorization();
        LocalAuthentication.WarnWhenOpenOrUnusable(app);
        app.MapCommerceApi();
        app.MapSynchronousCheckoutWhenOn();
        app.MapOpenApi(CommerceOpenApi.Path);
        app.MapScalarApiReference();
        app.MapGet("/", () => Results.Redirect("/scalar")).ExcludeFromDescription();
        return app;
    }
}
