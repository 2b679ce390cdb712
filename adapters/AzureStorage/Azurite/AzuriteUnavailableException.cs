namespace AsyncCommerce.Adapters.AzureStorage.Azurite;

/// <summary>Azurite was needed, nothing answered, and it could not be started; the message says what to do.</summary>
public sealed class AzuriteUnavailableException : Exception
{
    public AzuriteUnavailableException()
    {
    }

    public AzuriteUnavailableException(string message)
        : base(message)
    {
    }

    public AzuriteUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
