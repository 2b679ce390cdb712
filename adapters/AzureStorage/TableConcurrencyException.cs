namespace AsyncCommerce.Adapters.AzureStorage;

/// <summary>
/// A conditional write kept losing to concurrent writers for longer than <see cref="TableConflictRetryOptions"/>
/// allows. Every write here is one atomic request, so nothing was left half-done: let the caller retry.
/// </summary>
public sealed class TableConcurrencyException : Exception
{
    public TableConcurrencyException()
    {
    }

    public TableConcurrencyException(string message)
        : base(message)
    {
    }

    public TableConcurrencyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
