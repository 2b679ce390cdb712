using System.Text.Json;
using System.Text.Json.Nodes;
using AsyncCommerce.Checkout;

namespace AsyncCommerce.Testing;

/// <summary>Builds checkout request bodies: a valid pickup order by default, changed one aspect at a time.</summary>
public sealed class CheckoutBody
{
    /// <summary>The contact every built checkout carries unless a test changes it; no response may show it unmasked.</summary>
    public const string Email = "ada@example.com";

    /// <inheritdoc cref="Email"/>
    public const string Phone = "+15551234567";

    private readonly JsonObject _json;

    private CheckoutBody(JsonObject json) => _json = json;

    public static CheckoutBody Pickup(string storeId = "store-001") => new(new JsonObject
    {
        ["customerId"] = "cust-42",
        ["contact"] = new JsonObject { ["email"] = Email, ["phone"] = Phone },
        ["currency"] = "USD",
        ["lines"] = new JsonArray(Line("SKU-1001", 2)),
        ["fulfillment"] = new JsonObject { ["type"] = "pickup", ["storeId"] = storeId },
        ["payments"] = new JsonArray(Payment("card", "tok_visa")),
    });

    public static CheckoutBody Delivery() => Pickup().WithFulfillment(new JsonObject
    {
        ["type"] = "delivery",
        ["address"] = new JsonObject { ["line1"] = "1 Main St", ["city"] = "Springfield", ["postalCode"] = "12345", ["country"] = "US" },
    });

    public CheckoutBody WithLines(params (string Sku, int Quantity)[] lines) =>
        With("lines", new JsonArray([.. lines.Select(l => (JsonNode)Line(l.Sku, l.Quantity))]));

    public CheckoutBody WithPayments(params (string Method, string Token)[] payments) =>
        With("payments", new JsonArray([.. payments.Select(p => (JsonNode)Payment(p.Method, p.Token))]));

    public CheckoutBody WithFulfillment(JsonNode fulfillment) => With("fulfillment", fulfillment);

    public CheckoutBody WithContact(string? email, string? phone) =>
        With("contact", new JsonObject { ["email"] = email, ["phone"] = phone });

    /// <summary>Sets (or with null, removes) a top-level property.</summary>
    public CheckoutBody With(string property, JsonNode? value)
    {
        var copy = (JsonObject)_json.DeepClone();
        if (value is null)
            copy.Remove(property);
        else
            copy[property] = value.DeepClone();
        return new CheckoutBody(copy);
    }

    /// <summary>Sets a nested value by path segments, e.g. ("lines", 0, "quantity").</summary>
    public CheckoutBody WithValue(JsonNode? value, params object[] path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var copy = (JsonObject)_json.DeepClone();
        JsonNode node = copy;
        foreach (var segment in path[..^1])
            node = segment is int index ? node[index]! : node[(string)segment]!;
        if (path[^1] is int last)
            node[last] = value;
        else
            node[(string)path[^1]] = value;
        return new CheckoutBody(copy);
    }

    /// <summary>The pickup store, or null for a delivery.</summary>
    public string? StoreId() => _json["fulfillment"]?["storeId"]?.GetValue<string>();

    public string CustomerId() => _json["customerId"]!.GetValue<string>();

    /// <summary>The SKUs of the body's lines.</summary>
    public IReadOnlyList<string> Skus() => [.. _json["lines"]!.AsArray().Select(line => line!["sku"]!.GetValue<string>())];

    public string ToJson() => _json.ToJsonString(new JsonSerializerOptions { WriteIndented = false });

    /// <summary>The body as the API parses it, for a test of the acceptance below HTTP.</summary>
    public CheckoutRequest ToRequest() =>
        JsonSerializer.Deserialize<CheckoutRequest>(ToJson(), CommerceJsonDefaults.Options) ?? throw new InvalidOperationException("A checkout body is never JSON null.");

    public override string ToString() => ToJson();

    private static JsonObject Line(string sku, int quantity) => new() { ["sku"] = sku, ["quantity"] = quantity };

    private static JsonObject Payment(string method, string token) => new() { ["method"] = method, ["token"] = token };
}
