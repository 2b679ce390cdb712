using Microsoft.Extensions.Options;

namespace AsyncCommerce.LocalHost.Benchmark;

/// <summary>
/// Wires the synchronous baseline: its services always (they cost nothing unused), its route only when
/// <see cref="BenchmarkOptions.SynchronousCheckout"/> is on. The route is outside <c>/api</c> and left out of the
/// OpenAPI document: storefronts must never find it.
/// </summary>
public static class SynchronousCheckoutEndpoint
{
    public const string Path = "/benchmark/checkouts/synchronous";

    public static IServiceCollection AddSynchronousCheckout(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BenchmarkOptions>().Bind(configuration.GetSection(BenchmarkOptions.Section));
        services.AddSingleton<SynchronousPayment>();
        services.AddSingleton<SynchronousCheckout>();
        return services;
    }

    public static WebApplication MapSynchronousCheckoutWhenOn(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!app.Services.GetRequiredService<IOptions<BenchmarkOptions>>().Value.SynchronousCheckout)
            return app;

        app.MapPost(Path, (HttpRequest request, SynchronousCheckout checkout, CancellationToken cancellationToken) => checkout.CheckOutAsync(request, cancellationToken))
            .ExcludeFromDescription();
        return app;
    }
}
