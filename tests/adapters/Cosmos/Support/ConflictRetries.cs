namespace AsyncCommerce.Adapters.Cosmos.Tests.Support;

/// <summary>Conflict-retry settings for unit tests: retry at once (no backoff), a few times.</summary>
internal static class ConflictRetries
{
    public static CosmosConflictRetryOptions RetryAtOnce(int maxAttempts = 5) => new() { MaxAttempts = maxAttempts, BaseDelay = TimeSpan.Zero, MaxDelay = TimeSpan.Zero };
}
