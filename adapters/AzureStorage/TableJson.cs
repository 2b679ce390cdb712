using System.Text.Json;

namespace AsyncCommerce.Adapters.AzureStorage;

/// <summary>
/// Domain records stored as one JSON string property, in the system's one JSON shape
/// (<see cref="CommerceJsonDefaults"/>), so a stored event or view reads the same as on the bus and the API.
/// </summary>
internal static class TableJson
{
    /// <summary>
    /// Azure Tables stores strings as UTF-16 and caps a string property at 64 KiB, that is 32,768 characters. Past it
    /// the service refuses the whole write, so the limit is checked here, where the message can say what was too big.
    /// </summary>
    public const int MaxStringLength = 32 * 1024;

    public static string Serialize<T>(T value, string what)
    {
        var json = JsonSerializer.Serialize(value, CommerceJsonDefaults.Options);
        if (json.Length > MaxStringLength)
        {
            throw new ArgumentException(
                $"{what} serializes to {json.Length:N0} characters of JSON, more than the {MaxStringLength:N0} (64 KiB) an Azure Tables string property holds.",
                nameof(value));
        }

        return json;
    }

    public static T Deserialize<T>(string json, string what) =>
        JsonSerializer.Deserialize<T>(json, CommerceJsonDefaults.Options)
        ?? throw new InvalidOperationException($"{what} is stored as JSON null.");
}
