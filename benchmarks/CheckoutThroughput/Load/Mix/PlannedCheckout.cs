namespace AsyncCommerce.Benchmarks.CheckoutThroughput.Load.Mix;

/// <summary>One checkout of the mix: its request body (UTF-8 JSON) and what happens to the order once accepted.</summary>
internal sealed record PlannedCheckout(int Index, byte[] Body, OrderScript Script);
