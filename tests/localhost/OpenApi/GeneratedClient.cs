using AsyncCommerce.Api.OpenApi;
using AsyncCommerce.Testing;
using AsyncCommerce.Testing.Contract;

namespace AsyncCommerce.LocalHost.Tests.OpenApi;

/// <summary>
/// A local host on a loopback port, and a storefront program built against the C# client Kiota generates from the
/// document that host serves (tests/AsyncCommerce.GeneratedClientFlows): generated and built once for the test class.
/// </summary>
public sealed class GeneratedClient : IAsyncLifetime
{
    private static readonly TimeSpan StepTimeout = TimeSpan.FromMinutes(4);

    private readonly string _work = Path.Combine(Path.GetTempPath(), $"asynccommerce-kiota-{Guid.NewGuid():N}");

    public CommerceApp Host { get; } = new();

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Runs one flow of the storefront program against the host; returns what it printed.</summary>
    public Task<string> RunFlowAsync(string flow) =>
        DotnetCli.RunAsync(
            _work,
            StepTimeout,
            new Dictionary<string, string> { ["ASYNCCOMMERCE_STAFF_TOKEN"] = TestTokens.ForStores("store-001") },
            Path.Combine(_work, "bin", "AsyncCommerce.GeneratedClientFlows.dll"),
            flow,
            BaseAddress.ToString());

    public IReadOnlyList<string> Violations => Host.Get<ContractViolations>().All;

    public async Task InitializeAsync()
    {
        Host.UseKestrel(FreePort.Next());
        Host.StartServer();
        using var http = Host.CreateClient();
        BaseAddress = http.BaseAddress!;
        Directory.CreateDirectory(_work);
        var document = Path.Combine(_work, "openapi.json");
        await File.WriteAllTextAsync(document, await http.GetStringAsync(new Uri(CommerceOpenApi.Path, UriKind.Relative)));

        var root = RepositoryPaths.Root;
        await DotnetCli.RunAsync(root, StepTimeout, "tool", "restore");
        await DotnetCli.RunAsync(
            root, StepTimeout, "kiota", "generate", "--language", "CSharp", "--openapi", document, "--output", Path.Combine(_work, "client"),
            "--namespace-name", "AsyncCommerce.Client", "--class-name", "CommerceClient", "--exclude-backward-compatible", "--clean-output");
        await DotnetCli.RunAsync(
            root, StepTimeout, "build", Path.Combine(root, "tests", "AsyncCommerce.GeneratedClientFlows"),
            $"-p:GeneratedClientDirectory={Path.Combine(_work, "client")}", "--output", Path.Combine(_work, "bin"));
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        Directory.Delete(_work, recursive: true);
    }
}
