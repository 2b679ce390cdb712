namespace AsyncCommerce.Adapters.AzureStorage.Inventory;

/// <summary>Where an order's reservation is. Moves only forward: Held → Committed | Released; Refused is final.</summary>
internal enum ReservationState
{
    Held,
    Committed,
    Released,
    Refused,
}
