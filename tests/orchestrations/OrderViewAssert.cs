using System.Text.Json;
using AsyncCommerce.Orders;

namespace AsyncCommerce.Orchestrations.Tests;

/// <summary>
/// Compares read models by what a client would see (their JSON): the records hold lists, whose equality is by
/// reference, so two projections of the same events are not <c>Equals</c>.
/// </summary>
public static class OrderViewAssert
{
    public static void Equal(OrderView? expected, OrderView? actual) =>
        Assert.Equal(Json(expected), Json(actual));

    private static string Json(OrderView? view) => JsonSerializer.Serialize(view, CommerceJsonDefaults.Options);
}
