using System.Globalization;

namespace AsyncCommerce.Adapters.AzureStorage;

/// <summary>
/// Instants stored as round-trip strings: an Azure Tables DateTime property keeps the instant but not the offset, and
/// a fact read back from a stream must be the fact that was written (the bus and the API show the offset).
/// </summary>
internal static class TableTimestamps
{
    public static string Format(DateTimeOffset value) => value.ToString("O", CultureInfo.InvariantCulture);

    public static DateTimeOffset Parse(string value) => DateTimeOffset.ParseExact(value, "O", CultureInfo.InvariantCulture, DateTimeStyles.None);
}
