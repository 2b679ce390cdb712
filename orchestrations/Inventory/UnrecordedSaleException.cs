namespace AsyncCommerce.Inventory;

/// <summary>
/// Thrown by <see cref="CommitStock"/> when the stock was committed but recording the sale failed: the saga must treat
/// the order as sold (never refund it) although the stream does not say so yet.
/// </summary>
public sealed class UnrecordedSaleException : Exception
{
    public UnrecordedSaleException()
    {
    }

    public UnrecordedSaleException(string message)
        : base(message)
    {
    }

    public UnrecordedSaleException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
