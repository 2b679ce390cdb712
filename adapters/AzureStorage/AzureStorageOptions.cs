using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using AsyncCommerce.Adapters.AzureStorage.Azurite;

namespace AsyncCommerce.Adapters.AzureStorage;

/// <summary>Bound to <c>Commerce:AzureStorage</c>: where the azurite (or Azure Storage) mode keeps everything.</summary>
public sealed partial class AzureStorageOptions : IValidatableObject
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

    // Every rule here names the value it rejects (an attribute's message cannot), but never the connection string:
    // outside Azurite it holds a key.
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(ConnectionString) || StorageEndpoints.Parse(ConnectionString) is null)
            yield return new($"{Section}:{nameof(ConnectionString)} must be a storage connection string (for Azurite: {DevelopmentStorage}).");
        if (IdempotencyKeyRetention < TimeSpan.FromHours(24))
            yield return new($"{Section}:{nameof(IdempotencyKeyRetention)} must be at least 24 hours (the API remembers keys that long), not {IdempotencyKeyRetention}.");

        // The Durable task hub rules (it names queues and tables), kept short enough for the longest table name here.
        if (!TaskHubName().IsMatch(TaskHub ?? string.Empty))
            yield return new($"{Section}:{nameof(TaskHub)} must be 3 to 45 letters and digits, starting with a letter, not '{TaskHub}'.");
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{2,44}$")]
    private static partial Regex TaskHubName();
}
