using AsyncCommerce.Orders;

namespace AsyncCommerce.LocalHost.Benchmark;

/// <summary>
/// The synchronous baseline's answer, given once the work is done: <c>Completed</c> for delivery (captured, stock
/// committed), <c>Confirmed</c> for pickup (authorized, stock held for the store), <c>Rejected</c> otherwise.
/// </summary>
public sealed record SynchronousCheckoutResult(string OrderId, OrderStatus Status, StatusReason? StatusReason, string? PaymentMethod);
