namespace AsyncCommerce.Adapters.Cosmos;

/// <summary>
/// A conditional write kept losing to concurrent writers for longer than <see cref="CosmosConflictRetryOptions"/>
/// allows. Nothing was left half-done that a retry of the same call would not finish: let the caller retry.
/// </summary>
public sealed class CosmosConcurrencyException : Exception
{
    public CosmosConcurrencyException()
    {
    }

    public CosmosConcurrencyException(string message)
        : base(message)
    {
    }

    public CosmosConcurrencyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
