using Microsoft.Extensions.Logging;

namespace AsyncCommerce.Privacy;

/// <summary>
/// Erases a customer's personal data (GDPR article 17) without rewriting the order streams: their contact details
/// and request fingerprints exist only sealed under their data key (<see cref="PersonalDataProtection"/>), so
/// destroying the key makes every copy unreadable at once, in every store and in every event already published.
/// The orders themselves (amounts, statuses, the sequence of events) stay as the record. Later notifications for
/// their orders find no key and are skipped; a later checkout by the same customer id gets a fresh key.
/// </summary>
public sealed partial class PersonalDataErasure(ICustomerKeyStore keys, ILogger<PersonalDataErasure> logger)
{
    /// <summary>Idempotent: erasing a customer twice, or one never seen, is no error.</summary>
    public async Task EraseAsync(string customerId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(customerId);
        await keys.DestroyAsync(customerId, cancellationToken);
        LogErased(customerId);
    }

    [LoggerMessage(EventId = 1201, EventName = "PersonalDataErased", Level = LogLevel.Information,
        Message = "Customer {CustomerId}: personal data erased (their data key was destroyed)")]
    private partial void LogErased(string customerId);
}
