using System.Text.Json;
using AsyncCommerce.Benchmarks.CheckoutThroughput.Load.Api;

namespace AsyncCommerce.Benchmarks.CheckoutThroughput.Load.Mix;

/// <summary>
/// A realistic peak: pickup and delivery, 1 to 5 lines of 1 to 3 units, the payment scenarios of
/// <see cref="PaymentScenario.All"/>, and some customers who cancel right after checking out. Or, with
/// <paramref name="deliveryOnly"/>, the plain order the cost targets are written for: delivery, 1 to 5 lines, the first
/// card approved, nobody cancels. The same seed and index always give the same checkout, so two runs (or the
/// asynchronous and the synchronous phase) load the same orders.
/// </summary>
internal sealed class CheckoutMix(IReadOnlyList<CatalogEntry> catalog, IReadOnlyList<StoreEntry> stores, int seed, bool deliveryOnly = false)
{
    public const int PickupPercent = 40;
    public const int CancelPercent = 3;
    public const int MaxLines = 5;
    public const int MaxQuantity = 3;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Describe(bool deliveryOnly) => deliveryOnly
        ? $"delivery only, 1-{MaxLines} lines of 1-{MaxQuantity} units, {PaymentScenario.All[0].Name}, no cancels"
        : $"{PickupPercent} % pickup / {100 - PickupPercent} % delivery, 1-{MaxLines} lines of 1-{MaxQuantity} units, {CancelPercent} % cancelled by the customer; payments: " +
        string.Join(", ", PaymentScenario.All.Select(s => $"{s.Name} {s.Weight} %"));

    public PlannedCheckout Plan(int index)
    {
        var random = new Random(HashCode.Combine(seed, index));
        var store = !deliveryOnly && random.Next(100) < PickupPercent ? stores[random.Next(stores.Count)].StoreId : null;
        var payment = deliveryOnly ? PaymentScenario.All[0] : PickPayment(random, pickup: store is not null);
        var lines = catalog.OrderBy(_ => random.Next()).Take(random.Next(1, MaxLines + 1)).Select(item => new { sku = item.Sku, quantity = random.Next(1, MaxQuantity + 1) }).ToList();
        var cancels = !deliveryOnly && random.Next(100) < CancelPercent;
        var body = new
        {
            customerId = $"load-{index % 5000}",
            contact = new { email = $"load{index % 5000}@example.com" },
            currency = catalog[0].Currency,
            lines,
            fulfillment = store is null
                ? (object)new { type = "delivery", address = new { line1 = "1 Main St", city = "Springfield", postalCode = "12345", country = "US" } }
                : new { type = "pickup", storeId = store },
            payments = payment.Methods.Select(m => new { method = m.Method, token = m.Token }),
        };
        return new PlannedCheckout(index, JsonSerializer.Serialize(body, Json), store, lines.Count, payment, cancels);
    }

    private static PaymentScenario PickPayment(Random random, bool pickup)
    {
        var allowed = PaymentScenario.All.Where(s => pickup || !s.PickupOnly).ToList();
        var roll = random.Next(allowed.Sum(s => s.Weight));
        foreach (var scenario in allowed)
        {
            if (roll < scenario.Weight)
                return scenario;
            roll -= scenario.Weight;
        }

        return allowed[0];
    }
}
