namespace AsyncCommerce.LocalHost;

/// <summary>A setting of the local host is invalid; the message names it and says what it accepts.</summary>
public sealed class LocalHostConfigurationException : Exception
{
    public LocalHostConfigurationException()
    {
    }

    public LocalHostConfigurationException(string message)
        : base(message)
    {
    }

    public LocalHostConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
