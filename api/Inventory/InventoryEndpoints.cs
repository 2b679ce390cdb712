using System.ComponentModel.DataAnnotations;
using AsyncCommerce.Api.Http;
using AsyncCommerce.Catalog;
using AsyncCommerce.Inventory;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AsyncCommerce.Api.Inventory;

public sealed record InventoryResponse(string Sku, IReadOnlyList<InventoryLocationResponse> Locations);

/// <param name="Sold">Units that left through completed orders; onHand + sold is what was stocked.</param>
public sealed record InventoryLocationResponse(string LocationId, int OnHand, int Reserved, int Available, int Sold)
{
    public static InventoryLocationResponse From(StockLevel level)
    {
        ArgumentNullException.ThrowIfNull(level);
        return new(level.LocationId, level.OnHand, level.Reserved, level.Available, level.Sold);
    }
}

/// <param name="OnHand">Described for the OpenAPI document; <see cref="InventoryEndpoints.SetOnHandAsync"/> checks it.</param>
public sealed record SetOnHandRequest([property: Required, Range(0, SetOnHandRequest.MaxOnHand)] int? OnHand)
{
    public const int MaxOnHand = 1_000_000;
}

/// <summary>Inventory administration: stock levels straight from the inventory store, which is their system of record.</summary>
public static class InventoryEndpoints
{
    private const int MaxBodyBytes = 1024;

    public static async Task<Results<Ok<InventoryResponse>, NotFoundProblem>> GetAsync(string sku, [FromServices] IInventoryStore inventory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inventory);
        var levels = await inventory.GetLevelsAsync(sku, cancellationToken);
        if (levels.Count == 0)
            return Problems.NotFound($"No SKU '{sku}' in the inventory.");
        return TypedResults.Ok(new InventoryResponse(sku, [.. levels.OrderBy(l => l.LocationId, StringComparer.Ordinal).Select(InventoryLocationResponse.From)]));
    }

    public static async Task<Results<Ok<InventoryLocationResponse>, BodyRejected, ValidationProblem, NotFoundProblem, ConflictProblem>> SetOnHandAsync(
        string sku, string locationId, HttpRequest request, [FromServices] ICatalog catalog, [FromServices] IInventoryStore inventory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(inventory);
        var body = await JsonRequestBody.ReadAsync<SetOnHandRequest>(request, MaxBodyBytes, cancellationToken);
        if (body.Problem is not null)
            return body.Problem;
        if (body.Value!.OnHand is not { } onHand || onHand < 0 || onHand > SetOnHandRequest.MaxOnHand)
            return Problems.Validation("onHand", $"A whole number from 0 to {SetOnHandRequest.MaxOnHand} is required.");

        if (await catalog.FindItemAsync(sku, cancellationToken) is null)
            return Problems.NotFound($"No SKU '{sku}' in the catalog.");
        if (!await IsKnownLocationAsync(catalog, locationId, cancellationToken))
            return Problems.NotFound($"No location '{locationId}': use a store id or {Locations.FulfillmentCentre}.");

        try
        {
            var level = await inventory.SetOnHandAsync(sku, locationId, onHand, cancellationToken);
            return TypedResults.Ok(InventoryLocationResponse.From(level));
        }
        catch (StockConflictException conflict)
        {
            return Problems.Conflict(conflict.Message);
        }
    }

    private static async Task<bool> IsKnownLocationAsync(ICatalog catalog, string locationId, CancellationToken cancellationToken) =>
        locationId == Locations.FulfillmentCentre || await catalog.FindStoreAsync(locationId, cancellationToken) is not null;
}
