namespace AsyncCommerce.Privacy;

/// <summary>
/// <see cref="ICustomerKeyStore.GetOrCreateAsync"/> for a store whose one atomic step is an insert that fails when the
/// customer already has a key (a Cosmos DB create, an Azure Tables insert): read first, insert a new key when there is
/// none, and after a lost insert read the winner's, so concurrent first checkouts of one customer agree on one key.
/// </summary>
public static class CustomerKeyCreation
{
    // Each round ends with the key read, or with an insert racing a destroy; two rivals cannot keep that up for long.
    private const int MaxRounds = 10;

    /// <param name="customerId">The customer whose key is wanted.</param>
    /// <param name="read">Reads the customer's current key; null when they have none.</param>
    /// <param name="tryInsert">Inserts the new key; false when a key was there already (another caller won).</param>
    /// <param name="cancellationToken">Cancels the reads and inserts.</param>
    public static async Task<CustomerKey> GetOrCreateAsync(
        string customerId,
        Func<string, CancellationToken, Task<CustomerKey?>> read,
        Func<CustomerKey, CancellationToken, Task<bool>> tryInsert,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(customerId);
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(tryInsert);
        for (var round = 0; round < MaxRounds; round++)
        {
            // Read first: every checkout after a customer's first finds the key, at one request.
            if (await read(customerId, cancellationToken) is { } existing)
                return existing;

            var created = CustomerKey.New(customerId);
            if (await tryInsert(created, cancellationToken))
                return created;
        }

        throw new InvalidOperationException($"Customer {customerId}: no data key could be read or created in {MaxRounds} rounds.");
    }
}
