using System.Text.Json;
using AsyncCommerce.Orders;

namespace AsyncCommerce.Benchmarks.CheckoutThroughput.Load.Api;

// The parts of the contract's responses the tool reads (API.md), nothing more: a deployed app of another build still
// answers in these shapes.

internal sealed record CatalogEntry(string Sku, decimal UnitPrice, string Currency);

internal sealed record StoreEntry(string StoreId);

internal sealed record OrderSnapshot(string OrderId, OrderStatus Status, int Version, PickupSnapshot? Pickup);

internal sealed record PickupSnapshot(string StoreId, string? Code);

internal sealed record EventEntry(long Sequence, string Type, DateTimeOffset OccurredAt, JsonElement Data);

internal sealed record AcceptedCheckout(string OrderId);

internal sealed record SynchronousOutcome(string OrderId, OrderStatus Status, StatusReason? StatusReason);
