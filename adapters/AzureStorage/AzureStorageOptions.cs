namespace AsyncCommerce.Adapters.AzureStorage;

/// <summary>Bound to <c>Commerce:AzureStorage</c>: where the azurite (or Azure Storage) mode keeps everything.</summary>
public sealed class AzureStorageOptions
{
    public const string Section = "Commerce:AzureStorage";

    public const string DevelopmentStorage = "UseDevelopmentStorage=true";

    /// <summary>A storage connection string; the default is the local Azurite on its standard ports.</summary>
    public string ConnectionString { get; set; } = DevelopmentStorage;

    /// <summary>
    /// The Durable task hub, and the prefix of every table the stores create: two hosts with the same hub share
    /// orders, stock and workflows; another hub on the same storage is a separate world (tests use that).
    /// </summary>
    public string TaskHub { get; set; } = "AsyncCommerce";

    /// <summary>
    /// How long an idempotency key is kept after its last change; Azure Tables has no time to live, so an hourly sweep
    /// deletes older keys. At least the 24 hours the API promises; 48 hours, as the Cosmos container keeps them.
    /// </summary>
    public TimeSpan IdempotencyKeyRetention { get; set; } = TimeSpan.FromHours(48);
}
