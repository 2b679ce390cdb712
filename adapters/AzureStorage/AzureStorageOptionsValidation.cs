using System.Text.RegularExpressions;
using AsyncCommerce.Adapters.AzureStorage.Azurite;
using Microsoft.Extensions.Options;

namespace AsyncCommerce.Adapters.AzureStorage;

internal sealed partial class AzureStorageOptionsValidation : IValidateOptions<AzureStorageOptions>
{
    public ValidateOptionsResult Validate(string? name, AzureStorageOptions options)
    {
        var failures = Failures(options).ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static readonly TimeSpan MinimumKeyRetention = TimeSpan.FromHours(24);

    private static IEnumerable<string> Failures(AzureStorageOptions options)
    {
        const string section = AzureStorageOptions.Section;
        if (string.IsNullOrWhiteSpace(options.ConnectionString) || StorageEndpoints.Parse(options.ConnectionString) is null)
            yield return $"{section}:{nameof(options.ConnectionString)} must be a storage connection string (for Azurite: {AzureStorageOptions.DevelopmentStorage}).";

        if (options.IdempotencyKeyRetention < MinimumKeyRetention)
            yield return $"{section}:{nameof(options.IdempotencyKeyRetention)} must be at least 24 hours (the API remembers keys that long), not {options.IdempotencyKeyRetention}.";

        // The Durable task hub rules (it names queues and tables), kept short enough for the longest table name here.
        if (!TaskHubName().IsMatch(options.TaskHub ?? string.Empty))
            yield return $"{section}:{nameof(options.TaskHub)} must be 3 to 45 letters and digits, starting with a letter, not '{options.TaskHub}'.";
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{2,44}$")]
    private static partial Regex TaskHubName();
}
