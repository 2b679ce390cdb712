using AsyncCommerce.Adapters.AzureStorage.Azurite;
using AsyncCommerce.Testing;

namespace AsyncCommerce.LocalHost.Tests.Storage;

/// <summary>What the local host says when its storage cannot be had: one line that names the fix, and exit code 1.</summary>
public sealed class StorageModeStartTests
{
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task LocalHost_UnknownStorageMode_StopsAtStartNamingTheSetting()
    {
        var (exitCode, output) = await LocalHostProcess.RunUntilExitAsync(
            new Dictionary<string, string?> { ["Commerce:Storage"] = "Cloud" }, new Dictionary<string, string>(), ExitTimeout);

        Assert.Equal(1, exitCode);
        var line = Assert.Single(output, line => line.Contains("cannot start", StringComparison.Ordinal));
        Assert.Contains("Commerce:Storage (--storage) must be one of Memory, Azurite, not 'Cloud'", line, StringComparison.Ordinal);
        Assert.DoesNotContain(output, line => line.TrimStart().StartsWith("at ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task LocalHost_AzuriteModeWithNothingListeningAndNoNode_StopsAtStartSayingWhatToInstall()
    {
        var silentEndpoints = StorageEndpoints.ForAzurite(FreePort.Next(), FreePort.Next(), FreePort.Next());
        var settings = new Dictionary<string, string?>
        {
            ["Commerce:Storage"] = "Azurite",
            ["Commerce:AzureStorage:ConnectionString"] = silentEndpoints.ToAzuriteConnectionString(),
        };

        // No folder on the PATH holds node or npm; the apphost finds the .NET runtime without it.
        var (exitCode, output) = await LocalHostProcess.RunUntilExitAsync(settings, new Dictionary<string, string> { ["PATH"] = "/nonexistent" }, ExitTimeout);

        Assert.Equal(1, exitCode);
        var line = Assert.Single(output, line => line.Contains("cannot start", StringComparison.Ordinal));
        Assert.Contains("install Node.js 20 or later", line, StringComparison.Ordinal);
        Assert.DoesNotContain(output, line => line.Contains("Warmed up", StringComparison.Ordinal));
        Assert.False(await AzuriteEmulator.AnswersAsync(silentEndpoints), "nothing may have been started on the endpoints");
    }
}
