using System.Text.Json.Nodes;
using AsyncCommerce.Catalog;

namespace AsyncCommerce.Infra.Tests;

/// <summary>
/// The first-day stock a new Azure environment gets (infra/first-day-stock.json, loaded by infra/load-stock.sh from
/// azure.yaml's postdeploy hook): the same stock every local host starts with.
/// </summary>
public sealed class FirstDayStockTests
{
    private static readonly string Script = Path.Combine(BicepCli.InfraDirectory, "load-stock.sh");

    [Fact]
    public void StockFile_IsTheSeedStockOfEveryCatalogItemAtEveryLocation()
    {
        var file = JsonNode.Parse(File.ReadAllText(Path.Combine(BicepCli.InfraDirectory, "first-day-stock.json")))!;
        var levels = file["levels"]!.AsArray().Select(l => (l!["sku"]!.GetValue<string>(), l["locationId"]!.GetValue<string>(), l["onHand"]!.GetValue<int>()));

        Assert.Equal(SeedData.InitialStock.Select(s => (s.Sku, s.LocationId, s.OnHand)), levels);
        Assert.Equal(SeedData.Items.Count * SeedData.StockLocations.Count, SeedData.InitialStock.Count);
    }

    [Fact]
    public void PostdeployHook_RunsTheLoaderWithAShellTheSchemaAllows()
    {
        var hook = Json.At(AzdProject.Load(), "hooks.postdeploy")!.AsObject();

        Assert.Contains(hook["shell"]!.GetValue<string>(), new[] { "sh", "pwsh" });
        Assert.Equal(Path.GetFullPath(Script), Path.GetFullPath(Path.Combine(AzdProject.RepositoryRoot, hook["run"]!.GetValue<string>())));
        Assert.Equal("false", hook["continueOnError"]?.GetValue<string>());
        Assert.All(hook, p => Assert.Contains(p.Key, new[] { "shell", "run", "continueOnError", "interactive", "windows", "posix", "secrets" }));
    }
}
