using System.Collections.Concurrent;
using System.Diagnostics;
using AsyncCommerce.Adapters.InMemory.Orders;
using AsyncCommerce.Orders;
using AsyncCommerce.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace AsyncCommerce.Api.Tests.Support;

/// <summary>The real view store, noting when each version of an order's view was saved (a <see cref="Stopwatch"/> timestamp).</summary>
public sealed class TimedOrderViewStore(IOrderViewStore inner) : IOrderViewStore
{
    private readonly ConcurrentDictionary<(string OrderId, int Version), long> _saved = new();

    /// <summary>When <paramref name="version"/> of the order's view was saved, or null if it was not (yet).</summary>
    public long? SavedAt(string orderId, int version) => _saved.TryGetValue((orderId, version), out var at) ? at : null;

    public Task<OrderView?> GetAsync(string orderId, CancellationToken cancellationToken = default) => inner.GetAsync(orderId, cancellationToken);

    public async Task SaveAsync(OrderView view, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(view);
        await inner.SaveAsync(view, cancellationToken);
        _saved.TryAdd((view.OrderId, view.Version), Stopwatch.GetTimestamp());
    }

    public Task<IReadOnlyList<OrderView>> ListPickupsAsync(string storeId, OrderStatus? status, CancellationToken cancellationToken = default) =>
        inner.ListPickupsAsync(storeId, status, cancellationToken);
}

public static class TimedViews
{
    /// <summary>The same host with its view store timed by <paramref name="views"/> (set when the host builds).</summary>
    public static WebApplicationFactory<Program> WithTimedViews(this CommerceApp app, Action<TimedOrderViewStore> views) =>
        app.WithServices(services => services.AddSingleton<IOrderViewStore>(provider =>
        {
            var timed = new TimedOrderViewStore(provider.GetRequiredService<InMemoryOrderViewStore>());
            views(timed);
            return timed;
        }));
}
