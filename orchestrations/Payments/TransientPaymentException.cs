namespace AsyncCommerce.Payments;

/// <summary>
/// Thrown by the authorization activity so that the Durable retry policy (exponential backoff) retries it;
/// a decline is a normal result and never throws.
/// </summary>
public sealed class TransientPaymentException : Exception
{
    public TransientPaymentException()
    {
    }

    public TransientPaymentException(string message)
        : base(message)
    {
    }

    public TransientPaymentException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
