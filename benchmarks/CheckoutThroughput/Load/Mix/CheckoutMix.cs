using System.Buffers;
using System.Collections.Concurrent;
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

    private readonly ConcurrentDictionary<(string? Store, PaymentScenario Payment, bool Cancels), OrderScript> _scripts = new();

    public static string Describe(bool deliveryOnly) => deliveryOnly
        ? $"delivery only, 1-{MaxLines} lines of 1-{MaxQuantity} units, {PaymentScenario.All[0].Name}, no cancels"
        : $"{PickupPercent} % pickup / {100 - PickupPercent} % delivery, 1-{MaxLines} lines of 1-{MaxQuantity} units, {CancelPercent} % cancelled by the customer; payments: " +
        string.Join(", ", PaymentScenario.All.Select(s => $"{s.Name} {s.Weight} %"));

    public PlannedCheckout Plan(int index)
    {
        var random = new Random(HashCode.Combine(seed, index));
        var store = !deliveryOnly && random.Next(100) < PickupPercent ? stores[random.Next(stores.Count)].StoreId : null;
        var payment = deliveryOnly ? PaymentScenario.All[0] : PickPayment(random, pickup: store is not null);
        var lineCount = random.Next(1, MaxLines + 1);
        var cancels = !deliveryOnly && random.Next(100) < CancelPercent;
        var script = _scripts.GetOrAdd((store, payment, cancels), static key => new OrderScript(key.Store, key.Payment, key.Cancels));
        return new PlannedCheckout(index, Body(index, random, lineCount, store, payment), script);
    }

    // Written straight to UTF-8: the tool plans a checkout for every request of a burst, on the cores the host also uses.
    private byte[] Body(int index, Random random, int lineCount, string? store, PaymentScenario payment)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("customerId", $"load-{index % 5000}");
            json.WritePropertyName("contact");
            json.WriteStartObject();
            json.WriteString("email", $"load{index % 5000}@example.com");
            json.WriteEndObject();
            json.WriteString("currency", catalog[0].Currency);
            WriteLines(json, random, lineCount);
            WriteFulfillment(json, store);
            json.WriteStartArray("payments");
            foreach (var (method, token) in payment.Methods)
            {
                json.WriteStartObject();
                json.WriteString("method", method);
                json.WriteString("token", token);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    // Distinct SKUs picked by a partial Fisher-Yates shuffle of the catalog's positions.
    private void WriteLines(Utf8JsonWriter json, Random random, int lineCount)
    {
        Span<int> positions = catalog.Count <= 256 ? stackalloc int[catalog.Count] : new int[catalog.Count];
        for (var i = 0; i < positions.Length; i++)
            positions[i] = i;

        json.WriteStartArray("lines");
        for (var i = 0; i < Math.Min(lineCount, positions.Length); i++)
        {
            var pick = random.Next(i, positions.Length);
            (positions[i], positions[pick]) = (positions[pick], positions[i]);
            json.WriteStartObject();
            json.WriteString("sku", catalog[positions[i]].Sku);
            json.WriteNumber("quantity", random.Next(1, MaxQuantity + 1));
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteFulfillment(Utf8JsonWriter json, string? store)
    {
        json.WritePropertyName("fulfillment");
        json.WriteStartObject();
        if (store is null)
        {
            json.WriteString("type", "delivery");
            json.WritePropertyName("address");
            json.WriteStartObject();
            json.WriteString("line1", "1 Main St");
            json.WriteString("city", "Springfield");
            json.WriteString("postalCode", "12345");
            json.WriteString("country", "US");
            json.WriteEndObject();
        }
        else
        {
            json.WriteString("type", "pickup");
            json.WriteString("storeId", store);
        }

        json.WriteEndObject();
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
