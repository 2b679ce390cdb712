using AsyncCommerce.Functions.Tests.Support;
using AsyncCommerce.Functions.Workflows;
using AsyncCommerce.Inventory;
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
        var input = new ReserveStockInput("ord_reserve", "store-002", [new StockLine("SKU-1003", 2)]);

        var result = await ActivityFunctions.RunReserveStock(input, "ord_reserve", Invocation());

        Assert.True(result.Reserved);
        var level = (await _app.Services.GetRequiredService<IInventoryStore>().GetLevelsAsync("SKU-1003")).Single(l => l.LocationId == "store-002");
        Assert.Equal(2, level.Reserved);
    }

    [Fact]
    public async Task ReleaseStock_AfterReserve_GivesTheStockBack()
    {
        await ActivityFunctions.RunReserveStock(new ReserveStockInput("ord_release", "store-003", [new StockLine("SKU-1004", 1)]), "ord_release", Invocation());

        Assert.True(await ActivityFunctions.RunReleaseStock("ord_release", "ord_release", Invocation()));
        Assert.False(await ActivityFunctions.RunReleaseStock("ord_release", "ord_release", Invocation()));
    }

    [Fact]
    public async Task Activity_SeesItsNameAndTheOrchestrationInstanceId()
    {
        var seen = await ActivityFunctions.RunAsync<EchoContext, string, string>("input", "ord_42", Invocation());

        Assert.Equal("EchoContext/ord_42", seen);
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
