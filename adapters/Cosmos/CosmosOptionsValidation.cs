using System.Data.Common;
using Microsoft.Extensions.Options;

namespace AsyncCommerce.Adapters.Cosmos;

/// <summary>Checks <see cref="CosmosOptions"/> on start, naming the setting to fix.</summary>
public sealed class CosmosOptionsValidation : IValidateOptions<CosmosOptions>
{
    private const string Prefix = CosmosOptions.Section + ":";

    public ValidateOptionsResult Validate(string? name, CosmosOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        ValidateConnection(options, failures);
        ValidateRetries(options, failures);
        ValidateOrderEventFeed(options.OrderEventFeed, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

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

    private static void ValidateConnection(CosmosOptions options, List<string> failures)
    {
        var hasEndpoint = options.AccountEndpoint is not null;
        var hasConnectionString = !string.IsNullOrWhiteSpace(options.ConnectionString);
        if (!hasEndpoint && !hasConnectionString)
        {
            failures.Add($"{Prefix}AccountEndpoint is not set: set Cosmos__accountEndpoint to the account's endpoint (https://<account>.documents.azure.com:443/), or {Prefix}ConnectionString for the emulator.");
            return;
        }

        if (hasEndpoint && hasConnectionString)
            failures.Add($"Set either {Prefix}AccountEndpoint (identity-based) or {Prefix}ConnectionString (emulator), not both.");
        if (hasEndpoint)
            ValidateAccountEndpoint(options.AccountEndpoint!, failures);
        if (hasConnectionString)
            ValidateConnectionString(options, failures);
        else if (options.AcceptEmulatorCertificate)
            failures.Add($"{Prefix}AcceptEmulatorCertificate is only allowed with {Prefix}ConnectionString to the emulator.");
    }

    private static void ValidateAccountEndpoint(Uri endpoint, List<string> failures)
    {
        if (!endpoint.IsAbsoluteUri || endpoint.Scheme != Uri.UriSchemeHttps)
            failures.Add($"{Prefix}AccountEndpoint must be an absolute https URI, such as https://<account>.documents.azure.com:443/.");
    }

    private static void ValidateConnectionString(CosmosOptions options, List<string> failures)
    {
        var endpoint = EndpointOf(options.ConnectionString!);
        if (endpoint is null)
        {
            failures.Add($"{Prefix}ConnectionString has no AccountEndpoint=…; it should read AccountEndpoint=https://localhost:8081/;AccountKey=….");
            return;
        }

        if (options.AcceptEmulatorCertificate && !endpoint.IsLoopback)
            failures.Add($"{Prefix}AcceptEmulatorCertificate is only allowed for an emulator on this machine, not {endpoint.Host}.");
    }

    private static void ValidateRetries(CosmosOptions options, List<string> failures)
    {
        if (options.MaxRetryAttemptsOnRateLimitedRequests < 0)
            failures.Add($"{Prefix}MaxRetryAttemptsOnRateLimitedRequests must not be negative.");
        if (options.MaxRetryWaitTimeOnRateLimitedRequests < TimeSpan.Zero)
            failures.Add($"{Prefix}MaxRetryWaitTimeOnRateLimitedRequests must not be negative.");

        var conflicts = options.ConflictRetry;
        if (conflicts is null)
        {
            failures.Add($"{Prefix}ConflictRetry is missing.");
            return;
        }

        if (conflicts.MaxAttempts < 1)
            failures.Add($"{Prefix}ConflictRetry:MaxAttempts must be at least 1.");
        if (conflicts.BaseDelay < TimeSpan.Zero || conflicts.MaxDelay < conflicts.BaseDelay)
            failures.Add($"{Prefix}ConflictRetry needs 0 <= BaseDelay <= MaxDelay.");
    }

    private static void ValidateOrderEventFeed(CosmosOrderEventFeedOptions? feed, List<string> failures)
    {
        if (feed is null)
        {
            failures.Add($"{Prefix}OrderEventFeed is missing.");
            return;
        }

        if (feed.PollInterval <= TimeSpan.Zero)
            failures.Add($"{Prefix}OrderEventFeed:PollInterval must be positive.");
        if (feed.MaxItemsPerBatch < 1)
            failures.Add($"{Prefix}OrderEventFeed:MaxItemsPerBatch must be at least 1.");
        if (feed.MaxConcurrentOrders < 1)
            failures.Add($"{Prefix}OrderEventFeed:MaxConcurrentOrders must be at least 1.");
    }
}
