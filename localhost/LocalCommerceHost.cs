using AsyncCommerce.Adapters.InMemory;
using AsyncCommerce.Adapters.Simulated;
using AsyncCommerce.Api;
using AsyncCommerce.LocalHost.EmbeddedEngine;
using Microsoft.AspNetCore.Diagnostics;
using Scalar.AspNetCore;

namespace AsyncCommerce.LocalHost;

/// <summary>
/// The whole system in one process: the HTTP API, the workflows on an embedded Durable Task engine, and
/// in-memory stores, simulated gateways and an in-process bus behind the same ports the Azure adapters use.
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
        services.AddCommerceWorkflows(configuration);
        services.AddInMemoryAdapters();
        services.AddSimulatedAdapters();
        services.AddCommerceApi(configuration);
        services.AddEmbeddedDurableTask(configuration);
        services.AddOpenApi();
        services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(10));
        return services;
    }

    public static WebApplication MapLocalCommerce(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);

        // Anything unexpected becomes a problem+json 500 (a bug to fix); Kestrel's own request errors keep their status.
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = error => error is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
        });
        app.UseStatusCodePages();
        app.MapCommerceApi();
        app.MapOpenApi();
        app.MapScalarApiReference();
        app.MapGet("/", () => Results.Redirect("/scalar")).ExcludeFromDescription();
        return app;
    }
}
