namespace AsyncCommerce.LocalHost.Tests.Storage;

internal sealed record PlacedOrder(string OrderId, OrderKind Kind, string? StoreId);
