using System.Text;
using AsyncCommerce.Adapters.InMemory;
using AsyncCommerce.Api.Checkout;
using AsyncCommerce.Functions.Checkout;
using AsyncCommerce.Orders;
using AsyncCommerce.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Moq;

namespace AsyncCommerce.Functions.Tests.Support;

/// <summary>
/// The function app's services wired as Program wires them, with the in-memory stores standing in for the Azure
/// adapters, and a Durable client double: no Functions host and no Durable engine run here, so the tests assert
/// what the triggers asked the engine to do.
/// </summary>
public sealed class FunctionAppHarness : IDisposable
{
    private readonly ServiceProvider _services;

    /// <param name="configure">Registrations made last, so they win: an Azure SDK client double, a check of its own.</param>
    public FunctionAppHarness(Action<IServiceCollection>? configure = null)
    {
        // The test signing key stands in for the Entra ID tenant's (TestTokens), as in the local host's tests.
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(TestTokens.Settings).Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IHostApplicationLifetime, ApplicationLifetime>()
            .AddSingleton<IConfiguration>(configuration)
            .AddCommerceFunctionApp(configuration)
            .AddInMemoryAdapters()
            .EnsurePortsRegistered();
        configure?.Invoke(services);
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public IServiceProvider Services => _services;

    public Mock<DurableTaskClient> Workflows { get; } = new(MockBehavior.Loose, "test");

    /// <summary>A function class as the worker creates it: constructor dependencies from the app's services.</summary>
    public T Functions<T>()
        where T : class => ActivatorUtilities.CreateInstance<T>(_services);

    public HttpRequest Request(string method, string path, string? json = null, string? idempotencyKey = null)
    {
        var context = new DefaultHttpContext { RequestServices = _services };
        context.Request.Method = method;
        context.Request.Scheme = "https";
        context.Request.Host = new HostString("commerce.example");
        context.Request.Path = path;
        if (idempotencyKey is not null)
            context.Request.Headers[IdempotencyKey.Header] = idempotencyKey;
        if (json is not null)
        {
            var bytes = Encoding.UTF8.GetBytes(json);
            context.Request.ContentType = "application/json";
            context.Request.ContentLength = bytes.Length;
            context.Request.Body = new MemoryStream(bytes);
        }

        context.Response.Body = new MemoryStream();
        return context.Request;
    }

    /// <summary>Places a pickup order through the AcceptCheckout function; returns its id.</summary>
    public async Task<string> PlaceOrderAsync(string storeId = "store-001")
    {
        var request = Request("POST", "/api/checkouts", CheckoutBody.Pickup(storeId).ToJson(), idempotencyKey: $"key-{Guid.NewGuid():N}");
        var response = await (await Functions<CheckoutFunctions>().AcceptCheckout(request, Workflows.Object, CancellationToken.None)).ExecuteAsync(request);
        Assert.Equal(StatusCodes.Status202Accepted, response.StatusCode);
        return response.Json.GetProperty("orderId").GetString()!;
    }

    /// <summary>Moves an order on as its saga would: records the event, which updates the read model.</summary>
    public Task RecordAsync(string orderId, OrderEventData data) =>
        _services.GetRequiredService<OrderEventRecorder>().RecordAsync(orderId, Guid.NewGuid().ToString("N"), DateTimeOffset.UtcNow, data);

    public void Dispose() => _services.Dispose();
}
