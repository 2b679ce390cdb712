using System.Text.Json.Serialization;
using AsyncCommerce.Inventory;
using Microsoft.Azure.Cosmos;

namespace AsyncCommerce.Adapters.Cosmos.Inventory;

internal static class InventoryDocumentTypes
{
    public const string Stock = "stock";
    public const string Reservation = "reservation";
}

/// <summary>One order's units held on a stock row, with the token of the call that placed them.</summary>
internal sealed record StockHold(int Quantity, string Token);

/// <summary>
/// The stock of one SKU at one location (partition = the SKU, id = the location). <see cref="Holds"/> names every
/// order holding units here, so that holding, taking back and settling an order's line are idempotent on the row
/// itself: <c>reserved</c> is always the sum of the holds.
/// </summary>
internal sealed record StockDocument(
    string Id,
    string Sku,
    string DocType,
    string LocationId,
    int OnHand,
    int Reserved,
    int Sold,
    IReadOnlyDictionary<string, StockHold>? Holds)
{
    [JsonIgnore]
    public int Available => OnHand - Reserved;

    public static string IdOf(string locationId) => CosmosId.Escape(locationId);

    public static StockDocument Empty(string sku, string locationId) =>
        new(IdOf(locationId), sku, InventoryDocumentTypes.Stock, locationId, 0, 0, 0, new Dictionary<string, StockHold>(StringComparer.Ordinal));

    public StockHold? HoldOf(string orderId) => Holds?.GetValueOrDefault(orderId);

    public StockDocument WithHold(string orderId, StockHold hold) =>
        this with { Reserved = Reserved + hold.Quantity, Holds = new Dictionary<string, StockHold>(HoldsOrEmpty(), StringComparer.Ordinal) { [orderId] = hold } };

    /// <summary>The order's held units go back to available.</summary>
    public StockDocument WithoutHold(string orderId) => Settle(orderId, sold: 0);

    /// <summary>The order's held units leave the location as sold.</summary>
    public StockDocument WithHoldSold(string orderId) => Settle(orderId, sold: HoldOf(orderId)?.Quantity ?? 0);

    public StockLevel ToLevel() => new(Sku, LocationId, OnHand, Reserved, Sold);

    /// <summary>The port's invariant, checked before every write: a bug must fail the call, never store oversold stock.</summary>
    public StockDocument EnsureInvariant()
    {
        if (Reserved < 0 || Reserved > OnHand || Reserved != HoldsOrEmpty().Values.Sum(hold => hold.Quantity))
            throw new InvalidOperationException($"{Sku} at {LocationId}: refusing to store onHand {OnHand}, reserved {Reserved} with {HoldsOrEmpty().Count} hold(s).");
        return this;
    }

    private StockDocument Settle(string orderId, int sold)
    {
        var hold = HoldOf(orderId) ?? throw new InvalidOperationException($"{Sku} at {LocationId}: order {orderId} holds nothing here.");
        var holds = new Dictionary<string, StockHold>(HoldsOrEmpty(), StringComparer.Ordinal);
        holds.Remove(orderId);
        return this with { OnHand = OnHand - sold, Reserved = Reserved - hold.Quantity, Sold = Sold + sold, Holds = holds };
    }

    private IReadOnlyDictionary<string, StockHold> HoldsOrEmpty() => Holds ?? new Dictionary<string, StockHold>(StringComparer.Ordinal);
}

/// <summary>Where an order's reservation is. Moves only forward: Pending → Held | Refusing → Refused; Held → Committing → Committed | Releasing → Released.</summary>
internal enum ReservationState
{
    Pending,
    Held,
    Refusing,
    Refused,
    Committing,
    Committed,
    Releasing,
    Released,
}

/// <summary>
/// An order's reservation: what it asked for, and the decision. It lives in the inventory container in a partition
/// of its own, <c>reservation:{orderId}</c> in the /sku path, so that release and commit (which only know the order
/// id) find it with one point read. Each state change is a replace on its ETag: the single decision point that
/// concurrent calls for one order agree on.
/// </summary>
internal sealed record ReservationDocument(
    string Id,
    string Sku,
    string DocType,
    string OrderId,
    string LocationId,
    IReadOnlyList<StockLine> Lines,
    ReservationState State,
    IReadOnlyList<string> ShortSkus,
    IReadOnlyDictionary<string, string> HoldTokens)
{
    public const string ReservationId = "reservation";

    [JsonIgnore]
    public PartitionKey Partition => new(Sku);

    [JsonIgnore]
    public ReservationResult Outcome => State is ReservationState.Refusing or ReservationState.Refused
        ? new ReservationResult(false, ShortSkus)
        : ReservationResult.Success;

    public static PartitionKey PartitionOf(string orderId) => new(PartitionValueOf(orderId));

    public static ReservationDocument Pending(string orderId, string locationId, IReadOnlyList<StockLine> lines) =>
        new(ReservationId, PartitionValueOf(orderId), InventoryDocumentTypes.Reservation, orderId, locationId, lines, ReservationState.Pending, [], new Dictionary<string, string>(StringComparer.Ordinal));

    /// <summary>The token of the hold this reservation counts on <paramref name="sku"/>'s row, if any.</summary>
    public string? HoldTokenOf(string sku) => HoldTokens?.GetValueOrDefault(sku);

    public static string PartitionValueOf(string orderId) => $"reservation:{orderId}";
}
