using AsyncCommerce.Api.Http;
using AsyncCommerce.Catalog;
using AsyncCommerce.Inventory;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AsyncCommerce.Api.Inventory;

/// <summary>
/// PUT /api/inventory: the counts of many SKUs and locations in one request, as a new environment's first stock load or
/// a stocktake. Idempotent: sending the same body again leaves the same counts. With <c>If-None-Match: *</c> only rows
/// that do not exist yet are written, so a loader that runs on every deployment never resets live stock.
/// </summary>
public static class StockLevelsEndpoints
{
    public const int MaxLevels = 1000;
    private const int MaxBodyBytes = 128 * 1024;
    private const int MaxOnHand = 1_000_000;
    private const string Set = "Set";
    private const string Kept = "Kept";

    public static async Task<Results<Ok<StockLevelsResponse>, BodyRejected, ValidationProblem, ConflictProblem>> SetLevelsAsync(
        HttpRequest request, [FromServices] ICatalog catalog, [FromServices] IInventoryStore inventory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(inventory);
        var body = await JsonRequestBody.ReadAsync<StockLevelsRequest>(request, MaxBodyBytes, cancellationToken);
        if (body.Problem is not null)
            return body.Problem;

        var errors = await ValidateAsync(body.Value!.Levels, catalog, cancellationToken);
        if (errors.Count > 0)
            return Problems.Validation(errors, "Nothing was stored; see errors.");

        var levels = body.Value.Levels!.Select(l => new Row(l!.Sku!, l.LocationId!, l.OnHand!.Value)).ToList();
        var onlyMissing = request.Headers.IfNoneMatch.ToString().Trim() == "*";
        var existing = onlyMissing ? await ExistingRowsAsync(levels, inventory, cancellationToken) : [];
        var (results, conflicts) = await ApplyAsync(levels, existing, inventory, cancellationToken);
        return conflicts.Count == 0
            ? TypedResults.Ok(new StockLevelsResponse(results))
            : Problems.Conflict("Some counts are below the units reserved there and were not stored; the other rows were. Sending the same body again is safe.", conflicts);
    }

    // Rows apply one by one: each is its own write in every store. A row below what is reserved is refused and the
    // others still apply; the 409 names the refused ones, and sending the same body again is safe.
    private static async Task<(List<StockLevelResult> Results, Dictionary<string, string[]> Conflicts)> ApplyAsync(
        List<Row> levels, Dictionary<(string, string), StockLevel> existing, IInventoryStore inventory, CancellationToken cancellationToken)
    {
        var results = new List<StockLevelResult>(levels.Count);
        var conflicts = new Dictionary<string, string[]>(StringComparer.Ordinal);
        for (var i = 0; i < levels.Count; i++)
        {
            var (sku, locationId, onHand) = levels[i];
            if (existing.TryGetValue((sku, locationId), out var current))
            {
                results.Add(Result(current, Kept));
                continue;
            }

            try
            {
                results.Add(Result(await inventory.SetOnHandAsync(sku, locationId, onHand, cancellationToken), Set));
            }
            catch (StockConflictException conflict)
            {
                conflicts[$"levels[{i}].onHand"] = [conflict.Message];
            }
        }

        return (results, conflicts);
    }

    private static async Task<Dictionary<string, string[]>> ValidateAsync(IReadOnlyList<StockLevelRequest?>? levels, ICatalog catalog, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (levels is not { Count: > 0 and <= MaxLevels })
        {
            errors["levels"] = [$"From 1 to {MaxLevels} levels are required."];
            return errors;
        }

        var skus = (await catalog.ListItemsAsync(cancellationToken)).Select(i => i.Sku).ToHashSet(StringComparer.Ordinal);
        var locations = (await catalog.ListStoresAsync(cancellationToken)).Select(s => s.StoreId).Append(Locations.FulfillmentCentre).ToHashSet(StringComparer.Ordinal);
        var seen = new HashSet<(string, string)>();
        for (var i = 0; i < levels.Count; i++)
        {
            var level = levels[i];
            var path = $"levels[{i}]";
            if (level is null)
            {
                errors[path] = ["A level is required."];
                continue;
            }

            if (level.Sku is null || !skus.Contains(level.Sku))
                errors[$"{path}.sku"] = ["A SKU of the catalog is required."];
            if (level.LocationId is null || !locations.Contains(level.LocationId))
                errors[$"{path}.locationId"] = [$"A store id or {Locations.FulfillmentCentre} is required."];
            if (level.OnHand is not (>= 0 and <= MaxOnHand))
                errors[$"{path}.onHand"] = [$"A whole number from 0 to {MaxOnHand} is required."];
            if (level.Sku is not null && level.LocationId is not null && !seen.Add((level.Sku, level.LocationId)))
                errors[path] = [$"{level.Sku} at {level.LocationId} is listed more than once."];
        }

        return errors;
    }

    // Read before write: a row another administrator creates in between is overwritten by this load. Acceptable for a
    // first-day load of an empty environment; the store still refuses any count below what is reserved.
    private static async Task<Dictionary<(string, string), StockLevel>> ExistingRowsAsync(List<Row> levels, IInventoryStore inventory, CancellationToken cancellationToken)
    {
        var existing = new Dictionary<(string, string), StockLevel>();
        foreach (var sku in levels.Select(l => l.Sku).Distinct(StringComparer.Ordinal))
        {
            foreach (var level in await inventory.GetLevelsAsync(sku, cancellationToken))
                existing[(sku, level.LocationId)] = level;
        }

        return existing;
    }

    private static StockLevelResult Result(StockLevel level, string outcome) =>
        new(level.Sku, level.LocationId, level.OnHand, level.Reserved, level.Available, level.Sold, outcome);

    private sealed record Row(string Sku, string LocationId, int OnHand);
}
