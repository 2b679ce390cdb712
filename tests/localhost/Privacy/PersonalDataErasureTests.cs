using System.Net;
using AsyncCommerce.Adapters.Behaviours.Support;
using AsyncCommerce.Adapters.InMemory.Messaging;
using AsyncCommerce.Adapters.Simulated.Notifications;
using AsyncCommerce.Checkout;
using AsyncCommerce.LocalHost.EmbeddedEngine;
using AsyncCommerce.LocalHost.Tests.Storage;
using AsyncCommerce.Notifications;
using AsyncCommerce.Orders;
using AsyncCommerce.Privacy;
using AsyncCommerce.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace AsyncCommerce.LocalHost.Tests.Privacy;

/// <summary>
/// A customer's erasure through the real host: checkout, let the order run, erase, and then no store holds the
/// customer's email or phone in any form, while the order still reads with its amounts, status and events and is
/// notified no more. Run in each storage mode; each mode says how its stores are searched.
/// </summary>
public abstract class PersonalDataErasureTests
{
    private const string StoreId = "store-001";

    protected abstract Task<IReadOnlyDictionary<string, string?>> SettingsAsync();

    /// <summary>Where each store of the mode keeps what it keeps, with the erased values looked for in all of it.</summary>
    protected abstract Task<IReadOnlyList<string>> TracesAsync(CommerceApp app, ContactTrace trace);

    [Fact]
    public async Task Erase_AfterAnOrderRan_LeavesNoTraceOfTheContactAndTheOrderIntactAndUnnotified()
    {
        await using var app = new CommerceApp(await SettingsAsync());
        using var http = app.CreateClient();
        var customer = Customer.New();
        var orderId = await http.PlaceOrderAsync(customer.Checkout());
        await http.WaitForStatusAsync(orderId, OrderStatus.Confirmed, TimeSpan.FromMinutes(1));
        await Eventually.UntilAsync(() => http.GetNotificationsAsync(orderId), sent => sent.Count == 2, "the confirmation by email and SMS");
        var eventsBefore = await http.GetEventsAsync(orderId);

        Assert.Equal(HttpStatusCode.NoContent, await EraseAsync(http, customer.Id));
        Assert.Equal(HttpStatusCode.NoContent, await EraseAsync(http, customer.Id));

        // A step after the erasure still runs and is recorded, and its notification is skipped.
        Assert.Equal(HttpStatusCode.Accepted, (await http.MarkPickupReadyAsync(StoreId, orderId)).StatusCode);
        var ready = await http.WaitForStatusAsync(orderId, OrderStatus.ReadyForPickup, TimeSpan.FromMinutes(1));
        await NotificationsSettledAsync(app);
        Assert.DoesNotContain(app.Get<SimulatedNotificationSender>().Sent, m => m.OrderId == orderId && m.Kind == NotificationKind.ReadyForPickup);
        var timeline = await http.GetNotificationsAsync(orderId);
        Assert.Equal([NotificationKind.OrderConfirmed, NotificationKind.OrderConfirmed], timeline.Select(n => n.Kind));
        Assert.All(timeline, entry => Assert.Null(entry.Recipient));

        Assert.Equal(new Money(259.98m, "USD"), ready.Total);
        Assert.Equal([new OrderLine("SKU-1001", 2, 129.99m, 259.98m)], ready.Lines);
        var eventsAfter = await http.GetEventsAsync(orderId);
        Assert.Equal(Summary(eventsBefore), Summary(eventsAfter.Take(eventsBefore.Count)));
        Assert.Equal(nameof(ReadyForPickup), eventsAfter[^1].Type);
        Assert.Equal(Enumerable.Range(1, eventsAfter.Count), eventsAfter.Select(e => e.Sequence));

        var traces = await TracesAsync(app, new ContactTrace(customer.Email, customer.Phone));
        Assert.True(traces.Count == 0, $"Erased contact details still found:{Environment.NewLine}{string.Join(Environment.NewLine, traces)}");
    }

    [Fact]
    public async Task Checkout_AfterTheCustomerWasErased_GetsAFreshKeyAndIsNotified()
    {
        await using var app = new CommerceApp(await SettingsAsync());
        using var http = app.CreateClient();
        var customer = Customer.New();
        var first = await http.PlaceOrderAsync(customer.Checkout());
        await http.WaitForStatusAsync(first, OrderStatus.Confirmed, TimeSpan.FromMinutes(1));
        var erasedKey = await app.Get<ICustomerKeyStore>().GetOrCreateAsync(customer.Id);
        Assert.Equal(HttpStatusCode.NoContent, await EraseAsync(http, customer.Id));

        var second = await http.PlaceOrderAsync(customer.Checkout());
        await http.WaitForStatusAsync(second, OrderStatus.Confirmed, TimeSpan.FromMinutes(1));

        await Eventually.UntilAsync(() => http.GetNotificationsAsync(second), sent => sent.Count == 2, "the new order's confirmation by email and SMS");
        Assert.NotEqual(erasedKey.KeyId, (await app.Get<ICustomerKeyStore>().GetOrCreateAsync(customer.Id)).KeyId);
    }

    private static async Task<HttpStatusCode> EraseAsync(HttpClient http, string customerId)
    {
        using var response = await http.DeleteAsync(new Uri($"/api/customers/{Uri.EscapeDataString(customerId)}/personal-data", UriKind.Relative));
        return response.StatusCode;
    }

    /// <summary>Everything recorded has been published, and the in-process bus (memory mode) has handed it on.</summary>
    private static async Task NotificationsSettledAsync(CommerceApp app)
    {
        await Eventually.UntilAsync(() => app.Get<IOrderEventOutbox>().ListPendingAsync(1), pending => pending.Count == 0, "the outbox to be drained");
        if (app.Services.GetService<InProcessMessageBus>() is { } bus)
            await bus.WaitForIdleAsync(CancellationToken.None);
    }

    private static IEnumerable<string> Summary(IEnumerable<AsyncCommerce.Api.Checkout.OrderEventResponse> events) =>
        events.Select(e => $"{e.Sequence} {e.EventId} {e.Type} {e.OccurredAt:O}");

    /// <summary>A customer no other test uses, with contact details found nowhere else: a trace of them is theirs.</summary>
    private sealed record Customer(string Id, string Email, string Phone)
    {
        public static Customer New() =>
            new($"cust-{Guid.NewGuid():N}", $"erase.{Guid.NewGuid():N}@example.com", $"+1555{Random.Shared.Next(1_000_000, 10_000_000)}");

        public CheckoutBody Checkout() => CheckoutBody.Pickup(StoreId).With("customerId", Id).WithContact(Email, Phone);
    }
}

public sealed class PersonalDataErasureInMemoryTests : PersonalDataErasureTests
{
    protected override Task<IReadOnlyDictionary<string, string?>> SettingsAsync() =>
        Task.FromResult<IReadOnlyDictionary<string, string?>>(new Dictionary<string, string?>());

    // Every in-memory store, the bus's dead letters and the workflow engine's history, whatever their private shape.
    // The simulated email and SMS provider is the world outside: what it was sent before the erasure was sent.
    protected override Task<IReadOnlyList<string>> TracesAsync(CommerceApp app, ContactTrace trace)
    {
        var reachable = ReachableData.Of(
            [typeof(SimulatedNotificationSender)],
            app.Get<IOrderEventStore>(),
            app.Get<IOrderViewStore>(),
            app.Get<IIdempotencyStore>(),
            app.Get<INotificationLog>(),
            app.Get<ICustomerKeyStore>(),
            app.Get<IOrderEventPublisher>(),
            app.Get<OrderEventRecorder>(),
            app.Get<EmbeddedBackend>());
        IReadOnlyList<string> found =
        [
            .. reachable.Strings.SelectMany(text => trace.FoundIn(text).Select(form => $"{form} at {reachable.PathTo(text)}")),
            .. reachable.Bytes.SelectMany(data => trace.FoundIn(data).Select(form => $"{form} at {reachable.PathTo(data)}")),
        ];
        return Task.FromResult(found);
    }
}

[Collection(AzuriteHosts.Name)]
public sealed class PersonalDataErasureOnAzuriteTests : PersonalDataErasureTests
{
    protected override async Task<IReadOnlyDictionary<string, string?>> SettingsAsync() =>
        await AzuriteHostSettings.ForAsync(TestAzurite.NewTaskHub("erase"));

    // The whole storage account: every table (the stores' and Durable's history and instances), blob and queue message.
    protected override async Task<IReadOnlyList<string>> TracesAsync(CommerceApp app, ContactTrace trace) =>
        await AzuriteContents.TracesAsync(await TestAzurite.ConnectionStringAsync(), trace);
}
