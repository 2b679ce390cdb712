namespace AsyncCommerce.Inventory;

/// <param name="EventId">Id of the event the step records (StockReleased), chosen by the orchestrator.</param>
public sealed record StockMovementInput(string OrderId, string LocationId, string EventId);
