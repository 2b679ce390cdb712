using System.Net;
using AsyncCommerce.LocalHost.EmbeddedEngine;
using AsyncCommerce.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace AsyncCommerce.LocalHost.Tests.EmbeddedEngine;

/// <summary>The embedded Durable Task engine's socket: there while the host runs, gone once it stops.</summary>
public sealed class EmbeddedSidecarTests
{
    [Fact]
    public async Task Sidecar_WhileTheHostRuns_ListensOnItsSocket()
    {
        await using var app = new CommerceApp();
        var http = app.CreateClient();

        using var health = await http.GetAsync(new Uri("/api/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.True(File.Exists(app.Get<EmbeddedSidecarEndpoint>().SocketPath));
    }

    [Fact]
    public async Task Sidecar_WhenTheHostIsDisposed_RemovesItsSocket()
    {
        var app = new CommerceApp();
        app.CreateClient();
        var socketPath = app.Get<EmbeddedSidecarEndpoint>().SocketPath;

        await app.DisposeAsync();

        Assert.False(File.Exists(socketPath));
    }

    [Fact]
    public async Task Sidecar_TwoHostsAtOnce_UseTheirOwnSockets()
    {
        await using var first = new CommerceApp();
        await using var second = new CommerceApp();
        var orderInFirst = await first.CreateClient().PlaceOrderAsync(CheckoutBody.Pickup());

        var orderInSecond = await second.CreateClient().PlaceOrderAsync(CheckoutBody.Pickup());

        Assert.NotEqual(first.Get<EmbeddedSidecarEndpoint>().SocketPath, second.Get<EmbeddedSidecarEndpoint>().SocketPath);
        await first.CreateClient().WaitForStatusAsync(orderInFirst, Orders.OrderStatus.Confirmed);
        await second.CreateClient().WaitForStatusAsync(orderInSecond, Orders.OrderStatus.Confirmed);
        Assert.Null(await second.CreateClient().GetOrderAsync(orderInFirst));
        await StockLedger.AssertBalancedAsync(first.Get<Inventory.IInventoryStore>());
    }
}
