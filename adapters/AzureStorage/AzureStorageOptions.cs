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

    // Custom checks of single settings, for their messages: the task hub's names the value it rejects (an attribute's
    // message cannot), the connection string's never does (outside Azurite it holds a key).
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(ConnectionString) || StorageEndpoints.Parse(ConnectionString) is null)
            yield return new($"{Section}:{nameof(ConnectionString)} must be a storage connection string (for Azurite: {DevelopmentStorage}).");
        else if (StorageEndpoints.HasMalformedAccountKey(ConnectionString))
            yield return new($"{Section}:{nameof(ConnectionString)} has an AccountKey that is not base64: copy the key whole.");

        // The Durable task hub rules (it names queues and tables), kept short enough for the longest table name here.
        if (!TaskHubName().IsMatch(TaskHub ?? string.Empty))
            yield return new($"{Section}:{nameof(TaskHub)} must be 3 to 45 letters and digits, starting with a letter, not '{TaskHub}'.");
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{2,44}$")]
    private static partial Regex TaskHubName();
}
