namespace AsyncCommerce.Api.Inventory;

/// <summary>The body of <c>PUT /api/inventory</c>: the physical count of each SKU at each location listed.</summary>
public sealed record StockLevelsRequest(IReadOnlyList<StockLevelRequest?>? Levels);

public sealed record StockLevelRequest(string? Sku, string? LocationId, int? OnHand);

/// <summary>What <c>PUT /api/inventory</c> did, row by row, in the order of the request.</summary>
public sealed record StockLevelsResponse(IReadOnlyList<StockLevelResult> Levels);

/// <param name="Outcome"><c>Set</c>: the count is now the one sent. <c>Kept</c>: the row existed and the request said <c>If-None-Match: *</c>, so its live count stays.</param>
public sealed record StockLevelResult(string Sku, string LocationId, int OnHand, int Reserved, int Available, int Sold, string Outcome);
