using System.Net;
using AsyncCommerce.Adapters.AzureStorage;
using AsyncCommerce.Adapters.AzureStorage.Payments;
using AsyncCommerce.Adapters.Simulated.Payments;
using AsyncCommerce.Orders;
using AsyncCommerce.Testing;
using Azure.Data.Tables;

namespace AsyncCommerce.LocalHost.Tests.Storage;

/// <summary>
/// The azurite mode survives its process being killed: a real local host process is SIGKILLed while workflows are in
/// flight (Azurite keeps running, as storage does not die with the app in Azure), a new one is started on the same
/// task hub, and every accepted order ends right, with nothing lost and nothing done twice.
/// </summary>
[Collection(AzuriteHosts.Name)]
public sealed class AzuriteCrashTests
{
    private const int OrdersPerKind = 10;
    private static readonly TimeSpan EndTimeout = TimeSpan.FromMinutes(4);

    [Fact]
    public async Task LocalHost_KilledMidFlightAndRestarted_EndsEveryAcceptedOrderRightWithNothingLostOrDoubled()
    {
        var settings = await AzuriteHostSettings.ForAsync(TestAzurite.NewTaskHub("crash"), new Dictionary<string, string?>
        {
            // Slow enough that the kill finds work in flight; short enough that the declined-only orders give up in time.
            ["Commerce:Payment:GatewayLatency"] = "00:00:00.050",
            ["Commerce:Payment:AwaitPaymentMethodTimeout"] = "00:00:05",
        });

        List<PlacedOrder> orders;
        await using (var first = await LocalHostProcess.StartAsync(settings))
        {
            using var http = first.CreateClient();
            orders = await PlaceMixAsync(http);
            await Eventually.UntilAsync(() => CountStartedAsync(http, orders), started => started >= orders.Count / 4, "a quarter of the orders to be under way");
            var finishedBeforeKill = await CountFinishedAsync(http, orders);

            await first.KillAsync();
            Assert.True(finishedBeforeKill < orders.Count, "every order had finished before the kill: nothing was in flight");
        }

        await using var second = await LocalHostProcess.StartAsync(settings);
        using var after = second.CreateClient();
        foreach (var order in orders)
            Assert.Equal(HttpStatusCode.OK, await OrderOutcomes.StatusCodeOfAsync(after, order.OrderId));

        await OrderOutcomes.DriveToTheEndAsync(after, orders, EndTimeout);

        await OrderOutcomes.AssertEachEndedRightAsync(after, orders);
        await OrderOutcomes.AssertStockExactAsync(after, orders);
        await AssertChargedOnceAsync(settings, orders);
    }

    /// <summary>The gateway's own ledger (it outlived the process too): one authorization per paid order, captured once.</summary>
    private static async Task AssertChargedOnceAsync(Dictionary<string, string?> settings, IReadOnlyList<PlacedOrder> orders)
    {
        var tables = new AzureStorageTables(new TableServiceClient(settings["Commerce:AzureStorage:ConnectionString"]), settings["Commerce:AzureStorage:TaskHub"]!);
        var ledger = await new TablePaymentLedger(tables.PaymentLedger).ListAuthorizationsAsync();
        foreach (var order in orders)
        {
            var authorizations = ledger.Where(a => a.OrderId == order.OrderId).ToList();
            var expected = order.Kind.FinalStatus == OrderStatus.Completed ? [AuthorizationState.Captured] : Array.Empty<AuthorizationState>();
            Assert.True(expected.SequenceEqual(authorizations.Select(a => a.State)), $"{order.OrderId} ({order.Kind.Name}): authorizations {string.Join(", ", authorizations.Select(a => a.State))}");
        }
    }

    private static async Task<List<PlacedOrder>> PlaceMixAsync(HttpClient http)
    {
        var kinds = Enumerable.Range(0, OrdersPerKind).SelectMany(_ => OrderKind.All).ToList();
        var placed = new PlacedOrder[kinds.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, kinds.Count), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (index, _) =>
        {
            var kind = kinds[index];
            var orderId = await http.PlaceOrderAsync(kind.Body);
            placed[index] = new PlacedOrder(orderId, kind, kind.Fulfillment == FulfillmentType.Pickup ? kind.Body.StoreId() : null);
        });
        return [.. placed];
    }

    private static async Task<int> CountStartedAsync(HttpClient http, IReadOnlyList<PlacedOrder> orders)
    {
        var started = 0;
        foreach (var order in orders)
        {
            if ((await http.GetOrderAsync(order.OrderId))?.Status is not (null or OrderStatus.Accepted))
                started++;
        }

        return started;
    }

    private static async Task<int> CountFinishedAsync(HttpClient http, IReadOnlyList<PlacedOrder> orders)
    {
        var finished = 0;
        foreach (var order in orders)
        {
            if (await OrderOutcomes.IsFinalAsync(http, order))
                finished++;
        }

        return finished;
    }
}
