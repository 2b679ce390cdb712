using Microsoft.Azure.Cosmos;

namespace AsyncCommerce.Adapters.Cosmos.Tests.Support;

/// <summary>
/// The opt-in Cosmos DB the integration tests run against: <c>COSMOS_CONNECTION</c> holds a key-based connection
/// string, the emulator's or an account's. Each run creates a database of its own and deletes it, which Entra ID
/// data-plane roles cannot do, hence keys here (the hosts themselves connect with their identity). Unset, those
/// tests report skipped.
/// </summary>
internal static class CosmosTestAccount
{
    public const string Variable = "COSMOS_CONNECTION";

    public const string SkipReason =
        "Set COSMOS_CONNECTION to a Cosmos DB connection string (the emulator's, AccountEndpoint=https://localhost:8081/;AccountKey=…, or an account's with key auth enabled) to run the Cosmos DB integration tests; each run creates and deletes its own database.";

    public static string? Connection => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value.Trim() : null;

    public static bool IsConfigured => Connection is not null;

    /// <summary>Options for the configured account: the emulator on this machine goes through its gateway with its self-signed certificate trusted.</summary>
    public static CosmosOptions Options()
    {
        var connection = Connection ?? throw new InvalidOperationException(SkipReason);
        var endpoint = CosmosOptions.EndpointOf(connection) ?? throw new InvalidOperationException($"{Variable} is not a connection string with an AccountEndpoint. {SkipReason}");
        return new CosmosOptions
        {
            ConnectionString = connection,
            AcceptEmulatorCertificate = endpoint.IsLoopback,
            ConnectionMode = endpoint.IsLoopback ? ConnectionMode.Gateway : ConnectionMode.Direct,
        };
    }
}
