using AsyncCommerce.LocalHost.Warmup;
using AsyncCommerce.Testing;

namespace AsyncCommerce.LocalHost.Tests.Warmup;

/// <summary>The warm-up's orders, sent to a host as a storefront and its stores would.</summary>
public sealed class WarmupTrafficTests
{
    [Fact]
    public async Task RunAsync_ASecondRound_PlacesNewOrdersInsteadOfReplayingTheFirst()
    {
        await using var app = new CommerceApp();
        using var http = app.CreateClient();
        var traffic = new WarmupTraffic(http);

        var first = await traffic.RunAsync(firstOrder: 0, orders: 5, CancellationToken.None);
        var second = await traffic.RunAsync(firstOrder: 5, orders: 5, CancellationToken.None);

        var workflows = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var workflow in app.Workflows.GetAllInstancesAsync())
            workflows.Add(workflow.InstanceId);
        Assert.Equal((5, 5, 10), (first, second, workflows.Count));
    }
}
