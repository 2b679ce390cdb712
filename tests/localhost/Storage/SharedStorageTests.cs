using System.Net;
using AsyncCommerce.Orders;
using AsyncCommerce.Testing;

namespace AsyncCommerce.LocalHost.Tests.Storage;

/// <summary>Two local host processes on one Azurite and task hub are one system: shared orders, shared stock, shared work.</summary>
[Collection(AzuriteHosts.Name)]
public sealed class SharedStorageTests
{
    private const string Sku = "SKU-1012";
    private const int LastUnits = 5;
    private const int Buyers = 20;

    [Fact]
    public async Task TwoHosts_RaceForTheLastUnits_ConfirmExactlyTheUnitsThereAreAndShareOrdersAndWork()
    {
        var settings = await AzuriteHostSettings.ForAsync(TestAzurite.NewTaskHub("shared"));
        await using var first = await LocalHostProcess.StartAsync(settings);
        await using var second = await LocalHostProcess.StartAsync(settings);
        using var a = first.CreateClient();
        using var b = second.CreateClient();
        (await a.SetOnHandAsync(Sku, "dc-001", LastUnits)).EnsureSuccessStatusCode();

        var body = CheckoutBody.Delivery().WithLines((Sku, 1));
        var orderIds = await Task.WhenAll(Enumerable.Range(0, Buyers).Select(i => (i % 2 == 0 ? a : b).PlaceOrderAsync(body)));
        var views = await Task.WhenAll(orderIds.Select((orderId, i) => Eventually.UntilAsync(
            () => (i % 2 == 0 ? b : a).GetOrderAsync(orderId),
            view => view?.Status.IsFinal() == true,
            $"order {orderId}, placed on the other host, to end",
            TimeSpan.FromMinutes(2))));

        Assert.Equal(LastUnits, views.Count(view => view!.Status == OrderStatus.Completed));
        Assert.All(views.Where(view => view!.Status != OrderStatus.Completed), view => Assert.Equal(StatusReason.OutOfStock, view!.StatusReason));
        var stock = (await b.GetInventoryAsync(Sku)).Locations.Single(level => level.LocationId == "dc-001");
        Assert.Equal((0, 0), (stock.OnHand, stock.Reserved));
        foreach (var orderId in orderIds)
            Assert.Equal(HttpStatusCode.OK, await OrderOutcomes.StatusCodeOfAsync(a, orderId));
        Assert.True(RanWorkflowSteps(first) && RanWorkflowSteps(second), "both hosts ran workflow steps");
    }

    // A step recorded by a host shows in its log; the OrderPlaced lines come from the HTTP accept, not from a workflow.
    private static bool RanWorkflowSteps(LocalHostProcess host) =>
        host.Output.Any(line => line.Contains("OrderEventRecorder", StringComparison.Ordinal) && !line.Contains(nameof(OrderPlaced), StringComparison.Ordinal));
}
