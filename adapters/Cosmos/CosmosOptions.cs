using System.ComponentModel.DataAnnotations;
using System.Data.Common;
using AsyncCommerce.Concurrency;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Options;

namespace AsyncCommerce.Adapters.Cosmos;

/// <summary>
/// How the Cosmos DB stores connect (section <c>Cosmos</c>; environment variables <c>Cosmos__accountEndpoint</c> …).
/// Identity-based by default: set <see cref="AccountEndpoint"/> and grant the host's managed identity the
/// Cosmos DB data-contributor role; <see cref="ConnectionString"/> exists for the emulator only.
/// </summary>
public sealed class CosmosOptions : IValidatableObject
{
    public const string Section = "Cosmos";

    /// <summary><c>https://&lt;account&gt;.documents.azure.com:443/</c>, used with <c>DefaultAzureCredential</c>
    /// (managed identity in Azure; set <c>AZURE_CLIENT_ID</c> for a user-assigned one).</summary>
    public Uri? AccountEndpoint { get; set; }

    /// <summary>A key-based connection string: the emulator only, never an Azure account (keys are secrets).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// Direct (default): TCP straight to the replicas, the lowest latency and the SDK's recommendation for long-lived
    /// hosts such as a Functions app on a Premium or Dedicated plan. Gateway: HTTPS on port 443 only, for networks that
    /// only allow 443, the emulator, or a Consumption plan whose outbound connection budget Direct would strain.
    /// </summary>
    public ConnectionMode ConnectionMode { get; set; } = ConnectionMode.Direct;

    /// <summary>How often the SDK retries a request answered 429 (throttled), each time after the server's Retry-After.</summary>
    [SettingRange(0, int.MaxValue, ErrorMessage = $"{Section}:{nameof(MaxRetryAttemptsOnRateLimitedRequests)} must not be negative.")]
    public int MaxRetryAttemptsOnRateLimitedRequests { get; set; } = 9;

    /// <summary>The longest the SDK keeps retrying a throttled request before the 429 surfaces (then the activity retries).</summary>
    [SettingRange(typeof(TimeSpan), DurationBounds.Zero, DurationBounds.Max, ErrorMessage = $"{Section}:{nameof(MaxRetryWaitTimeOnRateLimitedRequests)} must not be negative.")]
    public TimeSpan MaxRetryWaitTimeOnRateLimitedRequests { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Trust the emulator's self-signed certificate. Allowed only with a <see cref="ConnectionString"/> to a loopback endpoint.</summary>
    public bool AcceptEmulatorCertificate { get; set; }

    /// <summary>Create every SKU of <c>SeedData</c> at every location when its stock row is missing (existing rows are left alone).</summary>
    public bool SeedInventory { get; set; }

    /// <summary>How optimistic-concurrency conflicts (412 and 409 on contended documents) are retried.</summary>
    [Required(ErrorMessage = $"{Section}:{nameof(ConflictRetry)} is missing.")]
    [ValidateObjectMembers]
    public CosmosConflictRetryOptions ConflictRetry { get; set; } = new();

    /// <summary>How the change feed of the order-events container is read and published.</summary>
    [Required(ErrorMessage = $"{Section}:{nameof(OrderEventFeed)} is missing.")]
    [ValidateObjectMembers]
    public CosmosOrderEventFeedOptions OrderEventFeed { get; set; } = new();

    // Rules across settings (which connection, and what may go with it); each setting's own range is on the setting.
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var hasEndpoint = AccountEndpoint is not null;
        var hasConnectionString = !string.IsNullOrWhiteSpace(ConnectionString);
        if (!hasEndpoint && !hasConnectionString)
        {
            // Named as the app setting too: the Functions app reports this very sentence at start (FunctionAppSettings).
            yield return new(
                $"Cosmos__accountEndpoint is not set ({Prefix}{nameof(AccountEndpoint)}): set it to the account's endpoint (https://<account>.documents.azure.com:443/), " +
                $"or Cosmos__connectionString ({Prefix}{nameof(ConnectionString)}) for the emulator.");
            yield break;
        }

        if (hasEndpoint && hasConnectionString)
            yield return new($"Set either {Prefix}{nameof(AccountEndpoint)} (identity-based) or {Prefix}{nameof(ConnectionString)} (emulator), not both.");
        if (hasEndpoint && (!AccountEndpoint!.IsAbsoluteUri || AccountEndpoint.Scheme != Uri.UriSchemeHttps))
            yield return new($"{Prefix}{nameof(AccountEndpoint)} must be an absolute https URI, such as https://<account>.documents.azure.com:443/.");
        if (!hasConnectionString)
        {
            if (AcceptEmulatorCertificate)
                yield return new($"{Prefix}{nameof(AcceptEmulatorCertificate)} is only allowed with {Prefix}{nameof(ConnectionString)} to the emulator.");
            yield break;
        }

        var endpoint = EndpointOf(ConnectionString!);
        if (endpoint is null)
            yield return new($"{Prefix}{nameof(ConnectionString)} has no AccountEndpoint=…; it should read AccountEndpoint=https://localhost:8081/;AccountKey=….");
        else if (AcceptEmulatorCertificate && !endpoint.IsLoopback)
            yield return new($"{Prefix}{nameof(AcceptEmulatorCertificate)} is only allowed for an emulator on this machine, not {endpoint.Host}.");
    }

    private const string Prefix = Section + ":";

    /// <summary>The endpoint a connection string points at, or null when it has none (or is not a connection string).</summary>
    internal static Uri? EndpointOf(string connectionString)
    {
        var builder = new DbConnectionStringBuilder();
        try
        {
            builder.ConnectionString = connectionString;
        }
        catch (ArgumentException)
        {
            return null;
        }

        return builder.TryGetValue("AccountEndpoint", out var value) && Uri.TryCreate(value as string, UriKind.Absolute, out var endpoint) ? endpoint : null;
    }
}

/// <summary>
/// Retries of a read-decide-write cycle whose conditional write lost to a concurrent writer (412 Precondition
/// Failed on an ETag, 409 Conflict on a create). Each retry re-reads, so it is always safe; the bound only decides
/// when a hot document gives up and lets the caller (an at-least-once activity) try again later.
/// </summary>
public sealed class CosmosConflictRetryOptions : IValidatableObject
{
    private const string DelaysOutOfOrder = $"{CosmosOptions.Section}:{nameof(CosmosOptions.ConflictRetry)} needs 0 <= {nameof(BaseDelay)} <= {nameof(MaxDelay)}.";

    [SettingRange(1, int.MaxValue, ErrorMessage = $"{CosmosOptions.Section}:{nameof(CosmosOptions.ConflictRetry)}:{nameof(MaxAttempts)} must be at least 1.")]
    public int MaxAttempts { get; set; } = 30;

    /// <summary>The first backoff; each further attempt doubles it (with full jitter) up to <see cref="MaxDelay"/>. Zero retries at once.</summary>
    [SettingRange(typeof(TimeSpan), DurationBounds.Zero, DurationBounds.Max, ErrorMessage = DelaysOutOfOrder)]
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(5);

    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MaxDelay < BaseDelay)
            yield return new(DelaysOutOfOrder);
    }

    internal ConflictRetry ToRetry(TimeProvider time) => new(MaxAttempts, BaseDelay, MaxDelay, time, message => new CosmosConcurrencyException(message));
}

/// <summary>
/// The change feed processor that publishes appended order events (section <c>Cosmos:OrderEventFeed</c>). Its
/// poll interval is the longest an appended event waits before it is published when the feed was idle.
/// </summary>
public sealed class CosmosOrderEventFeedOptions
{
    private const string Prefix = $"{CosmosOptions.Section}:{nameof(CosmosOptions.OrderEventFeed)}:";

    /// <summary>How long the processor waits before reading a drained feed again (the SDK's default is 5 s).</summary>
    [SettingRange(typeof(TimeSpan), DurationBounds.Tick, DurationBounds.Max, ErrorMessage = $"{Prefix}{nameof(PollInterval)} must be positive.")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The most changed documents one batch hands over (a hint to the service, as the SDK says).</summary>
    [SettingRange(1, int.MaxValue, ErrorMessage = $"{Prefix}{nameof(MaxItemsPerBatch)} must be at least 1.")]
    public int MaxItemsPerBatch { get; set; } = 100;

    /// <summary>How many orders of one batch are published at once; each order's events still go one after the other.</summary>
    [SettingRange(1, int.MaxValue, ErrorMessage = $"{Prefix}{nameof(MaxConcurrentOrders)} must be at least 1.")]
    public int MaxConcurrentOrders { get; set; } = 8;
}
