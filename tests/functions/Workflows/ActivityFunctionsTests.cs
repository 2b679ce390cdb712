using AsyncCommerce.Functions.Tests.Support;
using AsyncCommerce.Functions.Workflows;
using AsyncCommerce.Inventory;
using AsyncCommerce.Orders;
using AsyncCommerce.Privacy;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace AsyncCommerce.Functions.Tests.Workflows;

public sealed class ActivityFunctionsTests : IDisposable
{
    private readonly FunctionAppHarness _app = new();

    [Fact]
    public async Task ReserveStock_RunsTheActivityClassAgainstTheInventoryPort()
    {
        await PlaceAsync("ord_reserve", "store-002");
        var input = new ReserveStockInput("ord_reserve", "store-002", [new StockLine("SKU-1003", 2)], "reserved-1");

        var result = await ActivityFunctions.RunReserveStock(input, "ord_reserve", Invocation());

        Assert.True(result.Reserved);
        var level = (await _app.Services.GetRequiredService<IInventoryStore>().GetLevelsAsync("SKU-1003")).Single(l => l.LocationId == "store-002");
        Assert.Equal(2, level.Reserved);
        var stream = await _app.Services.GetRequiredService<IOrderEventStore>().ReadAsync("ord_reserve");
        Assert.Equal([nameof(OrderPlaced), nameof(StockReserved)], stream.Select(e => e.Type));
    }

    [Fact]
    public async Task ReleaseStock_AfterReserve_GivesTheStockBack()
    {
        await PlaceAsync("ord_release", "store-003");
        await ActivityFunctions.RunReserveStock(new ReserveStockInput("ord_release", "store-003", [new StockLine("SKU-1004", 1)], "reserved-1"), "ord_release", Invocation());
        var release = new StockMovementInput("ord_release", "store-003", "released-1");

        Assert.True(await ActivityFunctions.RunReleaseStock(release, "ord_release", Invocation()));
        Assert.False(await ActivityFunctions.RunReleaseStock(release, "ord_release", Invocation()));
        var stream = await _app.Services.GetRequiredService<IOrderEventStore>().ReadAsync("ord_release");
        Assert.Single(stream, e => e.Type == nameof(StockReleased));
    }

    [Fact]
    public async Task Activity_SeesItsNameAndTheOrchestrationInstanceId()
    {
        var seen = await ActivityFunctions.RunAsync<EchoContext, string, string>("input", "ord_42", Invocation());

        Assert.Equal("EchoContext/ord_42", seen);
    }

    /// <summary>Steps record on the order's stream, which always starts with the order itself.</summary>
    private async Task<OrderEvent> PlaceAsync(string orderId, string storeId)
    {
        var placed = new OrderPlaced(
            "cust-1",
            await _app.Services.GetRequiredService<PersonalDataProtection>().SealAsync("cust-1", new Contact(null, null)),
            new Fulfillment(FulfillmentType.Pickup, storeId, null),
            storeId,
            [new OrderLine("SKU-1003", 1, 32.00m, 32.00m)],
            new Money(32.00m, "USD"),
            ["card"]);
        return await _app.Services.GetRequiredService<OrderEventRecorder>().RecordAsync(orderId, $"{orderId}:placed", DateTimeOffset.UtcNow, placed);
    }

    private FunctionContext Invocation()
    {
        var function = new Mock<FunctionContext>();
        function.SetupGet(f => f.InstanceServices).Returns(_app.Services);
        return function.Object;
    }

    public void Dispose() => _app.Dispose();

    private sealed class EchoContext : TaskActivity<string, string>
    {
        public override Task<string> RunAsync(TaskActivityContext context, string input) => Task.FromResult($"{context.Name}/{context.InstanceId}");
    }
}
