using Azure.Data.Tables;

namespace AsyncCommerce.Adapters.AzureStorage.Orders;

/// <summary>A row that holds one version of a projection and only ever moves forward.</summary>
internal interface IVersionedEntity : ITableEntity
{
    int Version { get; }
}
