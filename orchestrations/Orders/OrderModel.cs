using System.Text.Json.Serialization;

namespace AsyncCommerce.Orders;

// Validated order facts, as recorded in the OrderPlaced event and shown by the read model.

public sealed record Contact(string? Email, string? Phone);

public sealed record Address(string Line1, string City, string PostalCode, string Country);

public sealed record Fulfillment(
    FulfillmentType Type,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? StoreId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Address? Address);

public sealed record OrderLine(string Sku, int Quantity, decimal UnitPrice, decimal LineTotal);

/// <summary>A payment method as the customer gave it. The token never leaves the workflow input.</summary>
public sealed record PaymentInstruction(string Method, string Token);
