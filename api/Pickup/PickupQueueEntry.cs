using System.ComponentModel.DataAnnotations;
using AsyncCommerce.Orders;

namespace AsyncCommerce.Api.Pickup;

/// <summary>A line of a store's pickup queue. The pickup code is left out on purpose: staff check it through collect.</summary>
public sealed record PickupQueueEntry(
    string OrderId,
    OrderStatus Status,
    string CustomerId,
    IReadOnlyList<OrderLine> Lines,
    DateTimeOffset? ReadyAt,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static PickupQueueEntry From(OrderView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return new(view.OrderId, view.Status, view.CustomerId, view.Lines, view.Pickup?.ReadyAt, view.Pickup?.ExpiresAt, view.CreatedAt, view.UpdatedAt);
    }
}

/// <param name="Code">Described for the OpenAPI document; <see cref="PickupEndpoints.CollectAsync"/> checks it.</param>
public sealed record CollectPickupRequest([property: Required] string? Code);
