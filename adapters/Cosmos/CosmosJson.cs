using System.Text.Json;

namespace AsyncCommerce.Adapters.Cosmos;

/// <summary>Values as the stored documents spell them (<see cref="CommerceJsonDefaults"/>), for query parameters and ids.</summary>
internal static class CosmosJson
{
    /// <summary>The JSON string of an enum member: <c>FulfillmentType.Pickup</c> is <c>"pickup"</c>, <c>OrderStatus.Confirmed</c> is <c>"Confirmed"</c>.</summary>
    public static string NameOf<TEnum>(TEnum value)
        where TEnum : struct, Enum =>
        JsonSerializer.SerializeToElement(value, CommerceJsonDefaults.Options).GetString()
            ?? throw new InvalidOperationException($"{typeof(TEnum).Name}.{value} is not written as a JSON string.");
}
