using System.Diagnostics;
using AsyncCommerce.Api.Authorization;
using AsyncCommerce.Catalog;
using AsyncCommerce.Testing;

namespace AsyncCommerce.LocalHost.Tests;

/// <summary>infra/load-stock.sh, the first-day stock loader azd runs after each deploy, against a running local host.</summary>
public sealed class LoadStockScriptTests
{
    private const string Sku = "SKU-1001";
    private const string Store = "store-001";

    private static readonly string AdminToken = TestTokens.WithRoles(CommerceAccess.Roles.InventoryAdmin);

    private static readonly string Script = Path.Combine(RepositoryPaths.Root, "infra", "load-stock.sh");

    [Fact]
    public async Task LoadStock_OnAStockedHost_KeepsEveryLiveCount_AndResetSetsThemAll()
    {
        await using var host = await LocalHostProcess.StartAsync(CommerceApp.FastSettings);
        using var http = host.CreateClient();
        (await http.SetOnHandAsync(Sku, Store, 7)).EnsureSuccessStatusCode();
        var api = new Uri(host.BaseAddress, "api").ToString();
        var rows = SeedData.InitialStock.Count;

        var kept = await RunAsync(api, reset: false);
        var afterKeep = await OnHandAsync(http);
        var reset = await RunAsync(api, reset: true);

        Assert.True(kept.ExitCode == 0, kept.Output);
        Assert.Contains($"load-stock: 0 stock row(s) set, {rows} kept", kept.Output, StringComparison.Ordinal);
        Assert.Equal(7, afterKeep);
        Assert.True(reset.ExitCode == 0, reset.Output);
        Assert.Contains($"load-stock: {rows} stock row(s) set, 0 kept", reset.Output, StringComparison.Ordinal);
        Assert.Equal(SeedData.StoreUnits, await OnHandAsync(http));
    }

    [Fact]
    public async Task LoadStock_WhenTheApiRefusesTheFile_FailsWithTheProblem()
    {
        await using var host = await LocalHostProcess.StartAsync(CommerceApp.FastSettings);
        var broken = Path.Combine(Path.GetTempPath(), $"stock-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(broken, """{ "levels": [ { "sku": "SKU-0000", "locationId": "store-001", "onHand": 1 } ] }""");
        try
        {
            var result = await RunAsync(new Uri(host.BaseAddress, "api").ToString(), reset: false, stockFile: broken);

            Assert.NotEqual(0, result.ExitCode);
            Assert.Contains("answered 400", result.Output, StringComparison.Ordinal);
            Assert.Contains("levels[0].sku", result.Output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(broken);
        }
    }

    [Fact]
    public async Task LoadStock_WithoutAdminToken_FailsWith401AndSaysWhatToSet()
    {
        await using var host = await LocalHostProcess.StartAsync(CommerceApp.FastSettings);

        var result = await RunAsync(new Uri(host.BaseAddress, "api").ToString(), reset: false, withToken: false);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("answered 401", result.Output, StringComparison.Ordinal);
        Assert.Contains("INVENTORY_ADMIN_TOKEN", result.Output, StringComparison.Ordinal);
    }

    private static async Task<int> OnHandAsync(HttpClient http) =>
        (await http.GetInventoryAsync(Sku)).Locations.Single(l => l.LocationId == Store).OnHand;

    private static async Task<(int ExitCode, string Output)> RunAsync(string api, bool reset, string? stockFile = null, bool withToken = true)
    {
        var start = new ProcessStartInfo("sh") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Script);
        start.ArgumentList.Add(api);
        foreach (var inherited in new[] { "ASYNCCOMMERCE_API", "apiBaseUrl", "apiAudience", "functionAppName", "AZURE_RESOURCE_GROUP", "INVENTORY_ADMIN_KEY", "INVENTORY_ADMIN_TOKEN", "STOCK_FILE", "LOAD_STOCK_MODE" })
            start.Environment.Remove(inherited);
        if (withToken)
            start.Environment["INVENTORY_ADMIN_TOKEN"] = AdminToken;
        if (reset)
            start.Environment["LOAD_STOCK_MODE"] = "reset";
        if (stockFile is not null)
            start.Environment["STOCK_FILE"] = stockFile;

        using var process = Process.Start(start)!;
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var output = process.StandardOutput.ReadToEndAsync(deadline.Token);
        var error = process.StandardError.ReadToEndAsync(deadline.Token);
        await process.WaitForExitAsync(deadline.Token);
        return (process.ExitCode, await output + await error);
    }
}
