using Azure.Core;
using Azure.Identity;
using Microsoft.Azure.Cosmos;

namespace AsyncCommerce.Adapters.Cosmos;

/// <summary>Builds the one <see cref="CosmosClient"/> of a process (it pools connections and caches routing: a singleton).</summary>
internal static class CosmosClientFactory
{
    public const string ApplicationName = "AsyncCommerce";

    public static CosmosClient Create(CosmosOptions options, TokenCredential? credential = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var clientOptions = ClientOptions(options);
        return string.IsNullOrWhiteSpace(options.ConnectionString)
            ? new CosmosClient(options.AccountEndpoint!.AbsoluteUri, credential ?? new DefaultAzureCredential(), clientOptions)
            : new CosmosClient(options.ConnectionString, clientOptions);
    }

    public static CosmosClientOptions ClientOptions(CosmosOptions options) => new()
    {
        ApplicationName = ApplicationName,
        // System.Text.Json with the API's settings, so a stored event or view has exactly the JSON the HTTP API and the
        // message bus show (camelCase, enums by name) and the events' polymorphic $type discriminators round-trip.
        UseSystemTextJsonSerializerWithOptions = CommerceJsonDefaults.Options,
        ConnectionMode = options.ConnectionMode,
        // Stated rather than left to the SDK's defaults: these decide how long a throttled call waits before its 429
        // reaches the activity, whose own retry policy then takes over.
        MaxRetryAttemptsOnRateLimitedRequests = options.MaxRetryAttemptsOnRateLimitedRequests,
        MaxRetryWaitTimeOnRateLimitedRequests = options.MaxRetryWaitTimeOnRateLimitedRequests,
        // The stores never read a write's echo (they keep the ETag from the headers): save the bandwidth and RUs.
        EnableContentResponseOnWrite = false,
        // Validation allows this for a loopback emulator only; its certificate is self-signed.
        ServerCertificateCustomValidationCallback = options.AcceptEmulatorCertificate ? static (_, _, _) => true : null,
    };
}
