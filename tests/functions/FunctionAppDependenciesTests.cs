using System.Text.Json;
using AsyncCommerce.Functions.Tests.Support;

namespace AsyncCommerce.Functions.Tests;

/// <summary>
/// The assemblies the worker loads, as the build's deps file lists them. The Durable extension asks for an older
/// DurableTask SDK than our code builds against; without the central pins the app shipped both, half of each.
/// </summary>
public sealed class FunctionAppDependenciesTests
{
    [Fact]
    public void DurableTaskSdk_EveryAssemblyTheWorkerLoads_HasOneVersion()
    {
        var durableTaskAssemblies = RuntimeAssemblies()
            .Where(a => a.File.StartsWith("Microsoft.DurableTask.", StringComparison.Ordinal))
            .ToList();

        Assert.NotEmpty(durableTaskAssemblies);
        var versions = durableTaskAssemblies.Select(a => a.AssemblyVersion).Distinct(StringComparer.Ordinal).ToList();
        Assert.True(
            versions.Count == 1,
            $"DurableTask SDK assemblies of several versions: {string.Join(", ", durableTaskAssemblies.Select(a => $"{a.File} {a.AssemblyVersion}"))}");
    }

    [Fact]
    public void FunctionApp_Assemblies_LeaveOutTheInMemoryAdapters()
    {
        // The demo catalog and stock are in the core (SeedData): the app ships no in-memory store it never uses.
        Assert.DoesNotContain("AsyncCommerce.Adapters.InMemory.dll", RuntimeAssemblies().Select(a => a.File));
        Assert.Contains("AsyncCommerce.Orchestrations.dll", RuntimeAssemblies().Select(a => a.File));
    }

    private static IEnumerable<(string File, string AssemblyVersion)> RuntimeAssemblies()
    {
        using var deps = JsonDocument.Parse(File.ReadAllText(Path.Combine(FunctionsMetadata.Directory, "AsyncCommerce.Functions.deps.json")));
        var target = deps.RootElement.GetProperty("targets").EnumerateObject().Single().Value;
        return [.. target.EnumerateObject()
            .Where(library => library.Value.TryGetProperty("runtime", out _))
            .SelectMany(library => library.Value.GetProperty("runtime").EnumerateObject())
            .Select(asset => (
                Path.GetFileName(asset.Name),
                asset.Value.TryGetProperty("assemblyVersion", out var version) ? version.GetString() ?? "" : ""))];
    }
}
