using System.Text.Json;
using AsyncCommerce.Inventory;
using Azure;
using Azure.Data.Tables;

namespace AsyncCommerce.Adapters.AzureStorage.Inventory;

/// <summary>
/// An order's reservation: what it asked for at which location, and the decision. It lives in the location's
/// partition, beside the stock rows it holds, so that deciding it and moving the stock is one transaction.
/// </summary>
internal sealed record StockReservation(string OrderId, string LocationId, IReadOnlyList<StockLine> Lines, ReservationState State, IReadOnlyList<string> ShortSkus)
{
    private static readonly JsonSerializerOptions Json = JsonSerializerOptions.Web;

    public ETag ETag { get; init; }

    public ReservationResult Outcome => State == ReservationState.Refused ? new ReservationResult(false, ShortSkus) : ReservationResult.Success;

    public static StockReservation Held(string orderId, string locationId, IReadOnlyList<StockLine> lines) =>
        new(orderId, locationId, lines, ReservationState.Held, []);

    public static StockReservation Refused(string orderId, string locationId, IReadOnlyList<StockLine> lines, IReadOnlyList<string> shortSkus) =>
        new(orderId, locationId, lines, ReservationState.Refused, shortSkus);

    public static StockReservation FromEntity(TableEntity entity) => new(
        entity.RequiredString(nameof(OrderId)),
        entity.RequiredString(nameof(LocationId)),
        JsonSerializer.Deserialize<StockLine[]>(entity.RequiredString(nameof(Lines)), Json) ?? [],
        Enum.Parse<ReservationState>(entity.RequiredString(nameof(State))),
        JsonSerializer.Deserialize<string[]>(entity.RequiredString(nameof(ShortSkus)), Json) ?? [])
    {
        ETag = entity.ETag,
    };

    public TableEntity ToEntity() => new(InventoryKeys.LocationPartition(LocationId), InventoryKeys.ReservationRow(OrderId))
    {
        [nameof(OrderId)] = OrderId,
        [nameof(LocationId)] = LocationId,
        [nameof(Lines)] = JsonSerializer.Serialize(Lines, Json),
        [nameof(State)] = State.ToString(),
        [nameof(ShortSkus)] = JsonSerializer.Serialize(ShortSkus, Json),
    };

    /// <summary>Creates the reservation inside a transaction: it fails the whole transaction if the order already has one.</summary>
    public TableTransactionAction AddAction() => new(TableTransactionActionType.Add, ToEntity());

    /// <summary>Moves the reservation read to <paramref name="next"/> inside a transaction, only if nobody changed it since.</summary>
    public TableTransactionAction MoveAction(ReservationState next) => new(TableTransactionActionType.UpdateReplace, (this with { State = next }).ToEntity(), ETag);
}
