using AsyncCommerce.Adapters.InMemory;
using AsyncCommerce.Functions.Catalog;
using AsyncCommerce.Functions.Checkout;
using AsyncCommerce.Functions.Health;
using AsyncCommerce.Functions.Inventory;
using AsyncCommerce.Functions.Pickup;
using AsyncCommerce.Functions.Tests.Support;
using AsyncCommerce.Inventory;
using AsyncCommerce.Orders;
using AsyncCommerce.Payments;
using AsyncCommerce.Pickup;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace AsyncCommerce.Functions.Tests;

public sealed class CommerceFunctionAppServiceCollectionExtensionsTests
{
    [Fact]
    public void AddCommerceFunctionApp_WithoutAStorageProfile_StopsNamingThePortsWithoutAnAdapter()
    {
        var services = new ServiceCollection().AddCommerceFunctionApp(new ConfigurationBuilder().Build());

        var error = Assert.Throws<InvalidOperationException>(() => services.EnsurePortsRegistered());

        Assert.Contains(nameof(IOrderViewStore), error.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(IInventoryStore), error.Message, StringComparison.Ordinal);
        Assert.Contains("ICatalog", error.Message, StringComparison.Ordinal); // Tables or seed data: the profile's choice.
        Assert.DoesNotContain(nameof(IPaymentGateway), error.Message, StringComparison.Ordinal);
        Assert.Contains(FunctionAppSettings.Storage, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddCommerceFunctionApp_WithStoresBehindThePorts_CreatesEveryFunctionClassAndActivity()
    {
        using var app = new FunctionAppHarness();

        Assert.NotNull(app.Functions<CheckoutFunctions>());
        Assert.NotNull(app.Functions<PickupFunctions>());
        Assert.NotNull(app.Functions<InventoryFunctions>());
        Assert.NotNull(app.Functions<CatalogFunctions>());
        Assert.NotNull(app.Functions<HealthFunctions>());
        Assert.All(CommerceTasks.Activities, activity => Assert.NotNull(ActivatorUtilities.GetServiceOrCreateInstance(app.Services, activity)));
    }

    [Fact]
    public void AddCommerceFunctionApp_BindsTheWorkflowDurationsFromAppSettings()
    {
        using var environment = new AppSettingsEnvironment(new Dictionary<string, string>
        {
            [FunctionAppSettings.AwaitPaymentMethodTimeout] = "00:05:00",
            [FunctionAppSettings.PickupWindow] = "2.00:00:00",
        });
        using var services = new ServiceCollection().AddCommerceFunctionApp(environment.Configuration).AddInMemoryAdapters().BuildServiceProvider();

        Assert.Equal(TimeSpan.FromMinutes(5), services.GetRequiredService<IOptions<PaymentOptions>>().Value.AwaitPaymentMethodTimeout);
        Assert.Equal(TimeSpan.FromDays(2), services.GetRequiredService<IOptions<PickupOptions>>().Value.Window);
    }

    [Fact]
    public void AddCommerceFunctionApp_InTheWorkerHost_StoresWorkflowDataInTheSystemsJsonShape()
    {
        // The worker host as Program builds it, with the in-memory stores standing in for the Azure adapters.
        var builder = FunctionsApplication.CreateBuilder([]);
        builder.ConfigureFunctionsWebApplication();
        builder.Services.AddCommerceFunctionApp(builder.Configuration).AddInMemoryAdapters().EnsurePortsRegistered();
        using var host = builder.Build();
        var serializer = host.Services.GetRequiredService<IOptions<WorkerOptions>>().Value.Serializer!;
        var input = new ReserveStockInput("ord_1", "store-001", [new StockLine("SKU-1001", 2)], "reserved-1");

        var json = serializer.Serialize(input).ToString();
        var roundTripped = (ReserveStockInput)serializer.Deserialize(new BinaryData(json).ToStream(), typeof(ReserveStockInput), CancellationToken.None)!;

        Assert.Contains("\"orderId\":\"ord_1\"", json, StringComparison.Ordinal);
        Assert.Equal(input.Lines, roundTripped.Lines);
        Assert.Equal("\"Monday\"", serializer.Serialize(DayOfWeek.Monday).ToString());
    }
}
