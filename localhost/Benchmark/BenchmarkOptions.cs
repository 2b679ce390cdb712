namespace AsyncCommerce.LocalHost.Benchmark;

/// <summary>Bound to <c>Commerce:Benchmark</c>: what the local host adds for the load tool, off by default.</summary>
public sealed class BenchmarkOptions
{
    public const string Section = "Commerce:Benchmark";

    /// <summary>
    /// Maps <see cref="SynchronousCheckoutEndpoint.Path"/>, the synchronous baseline the load tool compares the
    /// asynchronous accept with. Not part of the contract, so never on in a shop.
    /// </summary>
    public bool SynchronousCheckout { get; set; }
}
