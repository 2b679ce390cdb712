using AsyncCommerce.Adapters.AzureStorage.Azurite;

namespace AsyncCommerce.Testing;

/// <summary>
/// The Azurite the Azurite-backed tests of this process run on: the one CI started (its connection string in
/// <see cref="Variable"/>), or else a private one this process starts on free ports with a temporary data folder and
/// stops when it exits. Never skipped: a test that needs Azurite fails when it cannot have one.
/// </summary>
public static class TestAzurite
{
    public const string Variable = "ASYNCCOMMERCE_TEST_STORAGE";

    private static readonly Lazy<Task<string>> Shared = new(StartAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The storage connection string; the first call may start Azurite (and install it with npm ci).</summary>
    public static Task<string> ConnectionStringAsync() => Shared.Value;

    /// <summary>A task hub (and table prefix) no other test uses: letters and digits, starting with a letter.</summary>
    public static string NewTaskHub(string prefix = "t") => $"{prefix}{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 20, 44)];

    private static async Task<string> StartAsync()
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } configured)
            return configured;

        var toolsRoot = AzuriteEmulator.FindToolsRoot(AppContext.BaseDirectory, Directory.GetCurrentDirectory())
            ?? throw new AzuriteUnavailableException($"No package.json pinning Azurite above {AppContext.BaseDirectory}; set {Variable} to a running Azurite instead.");
        var endpoints = StorageEndpoints.ForAzurite(FreePort.Next(), FreePort.Next(), FreePort.Next());
        var dataFolder = Path.Combine(Path.GetTempPath(), $"asynccommerce-azurite-{Guid.NewGuid():N}");
        var azurite = await AzuriteEmulator.StartAsync(endpoints, dataFolder, toolsRoot, stopWithThisProcess: true);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            azurite.DisposeAsync().AsTask().GetAwaiter().GetResult();
            try
            {
                Directory.Delete(dataFolder, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open; the temp folder is cleaned by the system eventually.
            }
        };
        return endpoints.ToAzuriteConnectionString();
    }
}
