namespace AsyncCommerce.Benchmarks.CheckoutThroughput.Load.Mix;

/// <summary>One checkout of the mix: its request body and what the tool, as customer and staff, does with the order.</summary>
internal sealed record PlannedCheckout(int Index, string Body, string? StoreId, int Lines, PaymentScenario Payment, bool Cancels)
{
    public bool IsPickup => StoreId is not null;
}
