using AsyncCommerce.Catalog;
using AsyncCommerce.Inventory;
using AsyncCommerce.LocalHost.Warmup;
using AsyncCommerce.Orders;
using AsyncCommerce.Testing;

namespace AsyncCommerce.LocalHost.Tests.Warmup;

/// <summary>The warm-up a starting host runs through a throwaway instance of itself: every kind of order ends, and nothing of it reaches the real host.</summary>
public sealed class HostWarmupTests
{
    [Fact]
    public async Task Warmup_BeforeServing_EndsEveryKindOfOrderAsItShould()
    {
        await using var app = new CommerceApp(new Dictionary<string, string?> { ["Commerce:Warmup:Orders"] = "10", ["Commerce:Warmup:Rounds"] = "2" });
        using var http = app.CreateClient();

        var result = app.Get<HostWarmup>().Result;

        // A second round runs unless the first left the runtime almost nothing to compile, which a test cannot arrange.
        Assert.NotNull(result);
        Assert.InRange(result.Rounds, 1, 2);
        Assert.Equal((result.Rounds * 10, result.Rounds * 10), (result.Orders, result.EndedAsExpected));
    }

    [Fact]
    public async Task Warmup_BeforeServing_LeavesTheRealStockOrdersAndWorkflowsUntouched()
    {
        await using var app = new CommerceApp(new Dictionary<string, string?> { ["Commerce:Warmup:Orders"] = "10", ["Commerce:Warmup:Rounds"] = "1" });
        using var http = app.CreateClient();
        Assert.NotNull(app.Get<HostWarmup>().Result);

        var inventory = app.Get<IInventoryStore>();
        foreach (var seed in SeedData.InitialStock)
        {
            var level = Assert.Single(await inventory.GetLevelsAsync(seed.Sku), level => level.LocationId == seed.LocationId);
            Assert.Equal((seed.OnHand, 0, 0), (level.OnHand, level.Reserved, level.Sold));
        }

        foreach (var store in SeedData.Stores)
            Assert.Empty(await app.Get<IOrderViewStore>().ListPickupsAsync(store.StoreId, status: null));
        await foreach (var workflow in app.Workflows.GetAllInstancesAsync())
            Assert.Fail($"The real engine ran workflow {workflow.InstanceId}.");
    }

    [Fact]
    public async Task Warmup_WithATelemetryExporterOn_IsSkipped()
    {
        await using var app = new CommerceApp(new Dictionary<string, string?>
        {
            ["Commerce:Warmup:Orders"] = "10",
            ["Commerce:Telemetry:Exporter"] = "Otlp",
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://127.0.0.1:9",
        });
        using var http = app.CreateClient();

        Assert.Null(app.Get<HostWarmup>().Result);
    }
}
