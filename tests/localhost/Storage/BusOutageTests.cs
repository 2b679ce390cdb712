using AsyncCommerce.Notifications;
using AsyncCommerce.Orders;
using AsyncCommerce.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AsyncCommerce.LocalHost.Tests.Storage;

/// <summary>
/// A message bus that is down for a minute delays notifications and nothing else: orders complete meanwhile, and
/// every notification is sent once the bus is back. Run in each storage mode.
/// </summary>
public abstract class BusOutageTests
{
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(60);

    protected abstract Task<IReadOnlyDictionary<string, string?>> SettingsAsync();

    [Fact]
    public async Task BusDownForAMinute_OrdersCompleteMeanwhileAndEveryNotificationIsSentAfterwards()
    {
        await using var app = new CommerceApp(await SettingsAsync());
        OutageWindowPublisher? bus = null;
        using var host = app.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            var original = services.Last(d => d.ServiceType == typeof(IOrderEventPublisher));
            services.RemoveAll<IOrderEventPublisher>();
            services.AddSingleton<IOrderEventPublisher>(provider =>
                bus = new OutageWindowPublisher(Create(original, provider), TimeProvider.System));
        }));
        using var http = host.CreateClient();

        bus!.GoDownFor(Outage);
        var orders = new List<PlacedOrder>();
        foreach (var kind in OrderKind.All)
            orders.Add(new PlacedOrder(await http.PlaceOrderAsync(kind.Body), kind, kind.Fulfillment == FulfillmentType.Pickup ? kind.Body.StoreId() : null));

        // Every order must end while the bus is still down: that is the point of the test.
        await OrderOutcomes.DriveToTheEndAsync(http, orders, bus.DownUntil - DateTimeOffset.UtcNow - TimeSpan.FromSeconds(5));
        Assert.True(bus.IsDown, "the orders took longer than the outage; the test proves nothing");
        foreach (var order in orders)
            Assert.Empty(await http.GetNotificationsAsync(order.OrderId));

        await Eventually.UntilAsync(
            async () => (await Task.WhenAll(orders.Select(o => http.GetNotificationsAsync(o.OrderId)))).Sum(sent => sent.Count),
            sent => sent == orders.Sum(o => o.Kind.NotificationKinds.Length * 2),
            "every notification to be sent after the outage",
            Outage + TimeSpan.FromSeconds(30));
        await OrderOutcomes.AssertEachEndedRightAsync(http, orders);
    }

    private static IOrderEventPublisher Create(ServiceDescriptor registered, IServiceProvider provider) =>
        (IOrderEventPublisher)(registered.ImplementationInstance
            ?? registered.ImplementationFactory?.Invoke(provider)
            ?? ActivatorUtilities.CreateInstance(provider, registered.ImplementationType!));
}

public sealed class BusOutageInMemoryTests : BusOutageTests
{
    protected override Task<IReadOnlyDictionary<string, string?>> SettingsAsync() =>
        Task.FromResult<IReadOnlyDictionary<string, string?>>(new Dictionary<string, string?> { ["Commerce:Payment:AwaitPaymentMethodTimeout"] = "00:00:02" });
}

[Collection(AzuriteHosts.Name)]
public sealed class BusOutageOnAzuriteTests : BusOutageTests
{
    protected override async Task<IReadOnlyDictionary<string, string?>> SettingsAsync() =>
        await AzuriteHostSettings.ForAsync(TestAzurite.NewTaskHub("outage"), new Dictionary<string, string?> { ["Commerce:Payment:AwaitPaymentMethodTimeout"] = "00:00:02" });
}
