namespace AsyncCommerce.Benchmarks.CheckoutThroughput.Load.Mix;

/// <summary>
/// What the tool, as customer and store staff, does with an accepted order. It is kept for as long as the order is
/// followed, so it holds no request body; the mix hands out one shared instance per combination.
/// </summary>
internal sealed record OrderScript(string? StoreId, PaymentScenario Payment, bool Cancels)
{
    public bool IsPickup => StoreId is not null;
}
