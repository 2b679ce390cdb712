using Azure.Data.Tables;

namespace AsyncCommerce.Adapters.AzureStorage;

/// <summary>Reads of the properties every entity of a store is written with: a missing one is a corrupt row, not a default.</summary>
internal static class TableEntityExtensions
{
    public static string RequiredString(this TableEntity entity, string property) =>
        entity.GetString(property) ?? throw Corrupt(entity, property);

    public static int RequiredInt32(this TableEntity entity, string property) =>
        entity.GetInt32(property) ?? throw Corrupt(entity, property);

    public static long RequiredInt64(this TableEntity entity, string property) =>
        entity.GetInt64(property) ?? throw Corrupt(entity, property);

    public static bool RequiredBoolean(this TableEntity entity, string property) =>
        entity.GetBoolean(property) ?? throw Corrupt(entity, property);

    private static InvalidOperationException Corrupt(TableEntity entity, string property) =>
        new($"Entity ({entity.PartitionKey}, {entity.RowKey}) lacks its {property} property; it was not written by this store.");
}
