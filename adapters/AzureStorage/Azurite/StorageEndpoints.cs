using System.Data.Common;
using System.Net;

namespace AsyncCommerce.Adapters.AzureStorage.Azurite;

/// <summary>The blob, queue and table endpoints a storage connection string names.</summary>
public sealed record StorageEndpoints(Uri Blob, Uri Queue, Uri Table)
{
    public const string DevelopmentAccountName = "devstoreaccount1";

    // Azurite's well-known development key, published in its documentation; it protects nothing.
    public const string DevelopmentAccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    public const int DefaultBlobPort = 10000;
    public const int DefaultQueuePort = 10001;
    public const int DefaultTablePort = 10002;

    /// <summary>True when every endpoint is on this machine: only then may Azurite be started for it.</summary>
    public bool AreLocal => new[] { Blob, Queue, Table }.All(endpoint => endpoint.IsLoopback || IPAddress.TryParse(endpoint.Host, out var address) && IPAddress.IsLoopback(address));

    public static StorageEndpoints ForAzurite(int blobPort, int queuePort, int tablePort) => new(
        new Uri($"http://127.0.0.1:{blobPort}/{DevelopmentAccountName}"),
        new Uri($"http://127.0.0.1:{queuePort}/{DevelopmentAccountName}"),
        new Uri($"http://127.0.0.1:{tablePort}/{DevelopmentAccountName}"));

    /// <summary>The connection string of an Azurite listening on these endpoints.</summary>
    public string ToAzuriteConnectionString() =>
        $"DefaultEndpointsProtocol=http;AccountName={DevelopmentAccountName};AccountKey={DevelopmentAccountKey};" +
        $"BlobEndpoint={Blob};QueueEndpoint={Queue};TableEndpoint={Table};";

    /// <summary>
    /// Reads the endpoints of <paramref name="connectionString"/>: <c>UseDevelopmentStorage=true</c> means Azurite on
    /// its standard ports; explicit <c>BlobEndpoint</c>/<c>QueueEndpoint</c>/<c>TableEndpoint</c> win; otherwise the
    /// account's public endpoints. Null when the string is not a storage connection string.
    /// </summary>
    public static StorageEndpoints? Parse(string connectionString)
    {
        if (Read(connectionString) is not { } builder)
            return null;

        if (Value(builder, "UseDevelopmentStorage") is { } development && bool.TryParse(development, out var isDevelopment) && isDevelopment)
            return ForAzurite(DefaultBlobPort, DefaultQueuePort, DefaultTablePort);

        var account = Value(builder, "AccountName");
        var protocol = Value(builder, "DefaultEndpointsProtocol") ?? "https";
        var suffix = Value(builder, "EndpointSuffix") ?? "core.windows.net";
        Uri? Endpoint(string key, string service) =>
            Value(builder, key) is { } explicitEndpoint ? (Uri.TryCreate(explicitEndpoint, UriKind.Absolute, out var endpoint) ? endpoint : null)
            : account is null ? null
            : new Uri($"{protocol}://{account}.{service}.{suffix}");

        var blob = Endpoint("BlobEndpoint", "blob");
        var queue = Endpoint("QueueEndpoint", "queue");
        var table = Endpoint("TableEndpoint", "table");
        return blob is null || queue is null || table is null ? null : new StorageEndpoints(blob, queue, table);
    }

    /// <summary>
    /// True when <paramref name="connectionString"/> holds an <c>AccountKey</c> that is not base64: the storage clients
    /// would throw on it when first built, after the host had started.
    /// </summary>
    public static bool HasMalformedAccountKey(string connectionString) =>
        Read(connectionString) is { } builder
        && Value(builder, "AccountKey") is { } key
        && !Convert.TryFromBase64String(key, new byte[key.Length], out _);

    /// <summary>The connection string's key-value pairs; null when it is not one.</summary>
    private static DbConnectionStringBuilder? Read(string connectionString)
    {
        var builder = new DbConnectionStringBuilder();
        try
        {
            builder.ConnectionString = connectionString;
            return builder;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static string? Value(DbConnectionStringBuilder builder, string key) =>
        builder.TryGetValue(key, out var value) && value is string text && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;
}
