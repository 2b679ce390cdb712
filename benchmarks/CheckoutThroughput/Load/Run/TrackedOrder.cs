using AsyncCommerce.Benchmarks.CheckoutThroughput.Load.Mix;
using AsyncCommerce.Orders;

namespace AsyncCommerce.Benchmarks.CheckoutThroughput.Load.Run;

/// <summary>An accepted order the tool follows until it ends, and what it has done to it so far (each step once).</summary>
internal sealed class TrackedOrder(string orderId, OrderScript script)
{
    public string OrderId { get; } = orderId;

    public OrderScript Script { get; } = script;

    public string? ETag { get; set; }

    public OrderStatus? Status { get; set; }

    public bool SeenConfirmed { get; set; }

    public bool CancelSent { get; set; }

    public bool ReadySent { get; set; }

    public bool CollectSent { get; set; }

    public bool MethodAdded { get; set; }

    public bool IsFinal => Status?.IsFinal() == true;
}
