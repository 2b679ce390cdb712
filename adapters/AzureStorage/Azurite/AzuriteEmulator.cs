using System.ComponentModel;
using System.Diagnostics;
using System.Net.Sockets;
using System.Text.Json;

namespace AsyncCommerce.Adapters.AzureStorage.Azurite;

/// <summary>
/// The Azurite pinned in the repository's <c>package.json</c>, run as a separate process. The local host starts it
/// when its storage endpoints are local and nothing answers there; tests start a private one on free ports.
/// Disposing stops the process (and only a process this class started).
/// </summary>
public sealed class AzuriteEmulator : IAsyncDisposable
{
    private const int OutputLinesKept = 20;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(1);

    private readonly Process _process;
    private readonly Queue<string> _output;

    private AzuriteEmulator(Process process, Queue<string> output, StorageEndpoints endpoints, string dataFolder)
    {
        _process = process;
        _output = output;
        Endpoints = endpoints;
        DataFolder = dataFolder;
        ProcessId = process.Id;
    }

    public StorageEndpoints Endpoints { get; }

    public string DataFolder { get; }

    public int ProcessId { get; }

    /// <summary>True when something accepts connections on all three endpoints.</summary>
    public static async Task<bool> AnswersAsync(StorageEndpoints endpoints, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var probes = await Task.WhenAll(new[] { endpoints.Blob, endpoints.Queue, endpoints.Table }.Select(endpoint => AcceptsAsync(endpoint, cancellationToken)));
        return probes.All(accepted => accepted);
    }

    /// <summary>
    /// The folder holding the <c>package.json</c> that pins Azurite: searched upwards from each start folder (the
    /// content root, the current folder, the app's own folder), so <c>dotnet run</c> from anywhere in the clone finds it.
    /// </summary>
    public static string? FindToolsRoot(params string?[] startFolders)
    {
        foreach (var start in startFolders.Where(folder => !string.IsNullOrEmpty(folder)))
        {
            for (var folder = new DirectoryInfo(start!); folder is not null; folder = folder.Parent)
            {
                if (PinsAzurite(Path.Combine(folder.FullName, "package.json")))
                    return folder.FullName;
            }
        }

        return null;
    }

    /// <summary>
    /// Starts the pinned Azurite on <paramref name="endpoints"/>' ports with its data in <paramref name="dataFolder"/>,
    /// installing it first (<c>npm ci</c>) when <c>node_modules</c> lacks it, and returns once all three services answer.
    /// </summary>
    /// <param name="stopWithThisProcess">
    /// Also stop Azurite when this process dies without disposing it (a test host killed mid-run); a host leaves it
    /// false, so that an Azurite it started survives the host's crash like real storage and is reused after a restart.
    /// </param>
    /// <exception cref="AzuriteUnavailableException">Node.js or npm is missing, the install failed, or Azurite did not come up.</exception>
    public static async Task<AzuriteEmulator> StartAsync(
        StorageEndpoints endpoints, string dataFolder, string toolsRoot, bool stopWithThisProcess = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrEmpty(dataFolder);
        ArgumentException.ThrowIfNullOrEmpty(toolsRoot);
        if (!endpoints.AreLocal)
            throw new AzuriteUnavailableException($"Azurite can only be started for endpoints on this machine, not {endpoints.Table.Host}.");

        var entryPoint = Path.Combine(toolsRoot, "node_modules", "azurite", "dist", "src", "azurite.js");
        if (!File.Exists(entryPoint))
            await InstallAsync(toolsRoot, cancellationToken);

        Directory.CreateDirectory(dataFolder);
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = toolsRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in Arguments(entryPoint, endpoints, dataFolder))
            start.ArgumentList.Add(argument);

        var output = new Queue<string>();
        var process = StartProcess(start, output);
        if (stopWithThisProcess && !OperatingSystem.IsWindows())
            WatchOwner(process.Id);
        var emulator = new AzuriteEmulator(process, output, endpoints, dataFolder);
        try
        {
            await emulator.WaitUntilAnsweringAsync(cancellationToken);
            return emulator;
        }
        catch
        {
            await emulator.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }
        catch (InvalidOperationException)
        {
            // It had already exited.
        }

        _process.Dispose();
    }

    private async Task WaitUntilAnsweringAsync(CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (!await AnswersAsync(Endpoints, cancellationToken))
        {
            if (_process.HasExited)
                throw new AzuriteUnavailableException($"Azurite exited with code {_process.ExitCode} at start: {OutputTail()}");
            if (deadline.Elapsed > StartTimeout)
                throw new AzuriteUnavailableException($"Azurite did not answer on {Endpoints.Table.Authority} within {StartTimeout.TotalSeconds:0} s: {OutputTail()}");
            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
        }
    }

    private string OutputTail()
    {
        lock (_output)
            return _output.Count == 0 ? "(no output)" : string.Join(" | ", _output);
    }

    private static IEnumerable<string> Arguments(string entryPoint, StorageEndpoints endpoints, string dataFolder) =>
    [
        entryPoint,
        "--silent",

        // On by default: it would try to send usage data out of a developer's machine, and costs CPU on every request.
        "--disableTelemetry",
        "--location", dataFolder,
        "--blobHost", "127.0.0.1", "--blobPort", endpoints.Blob.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "--queueHost", "127.0.0.1", "--queuePort", endpoints.Queue.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "--tableHost", "127.0.0.1", "--tablePort", endpoints.Table.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),

        // The Azure SDKs move to new service versions faster than Azurite releases; the features used here exist in both.
        "--skipApiVersionCheck",
    ];

    // A shell loop outside this process: it outlives a SIGKILL of this process and then stops Azurite.
    private static void WatchOwner(int azuriteProcessId)
    {
        var watchdog = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        watchdog.ArgumentList.Add("-c");
        watchdog.ArgumentList.Add($"while kill -0 {Environment.ProcessId} 2>/dev/null; do sleep 1; done; kill {azuriteProcessId} 2>/dev/null");
        using var started = Process.Start(watchdog);
    }

    private static async Task InstallAsync(string toolsRoot, CancellationToken cancellationToken)
    {
        var install = new ProcessStartInfo("npm")
        {
            WorkingDirectory = toolsRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "ci", "--no-audit", "--no-fund" })
            install.ArgumentList.Add(argument);

        var output = new Queue<string>();
        using var process = StartProcess(install, output, missing: "npm was not found on PATH: install Node.js 20 or later (npm comes with it) to run the azurite storage mode.");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(InstallTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            process.Kill(entireProcessTree: true);
            throw new AzuriteUnavailableException($"npm ci in {toolsRoot} did not finish within {InstallTimeout.TotalMinutes:0} minutes.");
        }

        if (process.ExitCode != 0)
        {
            lock (output)
                throw new AzuriteUnavailableException($"npm ci in {toolsRoot} failed with code {process.ExitCode}: {string.Join(" | ", output)}");
        }
    }

    private static Process StartProcess(ProcessStartInfo start, Queue<string> output, string? missing = null)
    {
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, line) => Keep(output, line.Data);
        process.ErrorDataReceived += (_, line) => Keep(output, line.Data);
        try
        {
            process.Start();
        }
        catch (Win32Exception error)
        {
            process.Dispose();
            throw new AzuriteUnavailableException(
                missing ?? "Node.js was not found on PATH: install Node.js 20 or later to run the azurite storage mode (or start Azurite yourself, or use --storage memory).",
                error);
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static void Keep(Queue<string> output, string? line)
    {
        if (string.IsNullOrWhiteSpace(line))
            return;
        lock (output)
        {
            output.Enqueue(line.Trim());
            while (output.Count > OutputLinesKept)
                output.Dequeue();
        }
    }

    private static async Task<bool> AcceptsAsync(Uri endpoint, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ProbeTimeout);
        try
        {
            await client.ConnectAsync(endpoint.Host, endpoint.Port, timeout.Token);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private static bool PinsAzurite(string packageJson)
    {
        if (!File.Exists(packageJson))
            return false;
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(packageJson));
            return document.RootElement.TryGetProperty("devDependencies", out var dependencies)
                && dependencies.ValueKind == JsonValueKind.Object
                && dependencies.TryGetProperty("azurite", out _);
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
