using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace AsyncCommerce.Benchmarks.CheckoutThroughput.Load.Target;

/// <summary>
/// The local host (this build's Release output, carried by the project reference) as a child process on a free
/// loopback port: its CPU and working set are its own, apart from the load generator's.
/// </summary>
internal sealed class EmbeddedHost : ILoadTarget
{
    private const int OutputLinesKept = 200;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly Process _process;
    private readonly Queue<string> _output = new();

    private readonly string _storage;
    private readonly string _extraEnvironment;

    private EmbeddedHost(Process process, Uri baseAddress, LoadSettings settings)
    {
        _process = process;
        _storage = settings.Storage;
        _extraEnvironment = settings.HostEnvironment.Count == 0
            ? ""
            : ", with " + string.Join(" ", settings.HostEnvironment.Select(variable => $"{variable.Name}={variable.Value}"));
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public string Description => $"local host (Release), child process {_process.Id}, {_storage} storage, {BaseAddress}{_extraEnvironment}";

    public static async Task<EmbeddedHost> StartAsync(LoadSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var baseAddress = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "AsyncCommerce.LocalHost.exe" : "AsyncCommerce.LocalHost"))
        {
            // Its content root, as under `dotnet run --project localhost`: the folder with the host's appsettings.json.
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in EmbeddedHostSettings.For(settings, baseAddress))
            start.Environment[name] = value;

        var process = new Process { StartInfo = start };
        var host = new EmbeddedHost(process, baseAddress, settings);
        process.OutputDataReceived += (_, line) => host.Keep(line.Data);
        process.ErrorDataReceived += (_, line) => host.Keep(line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await host.WaitUntilServingAsync(cancellationToken);
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }

        return host;
    }

    public HostUsage? Sample()
    {
        _process.Refresh();
        return new HostUsage(_process.TotalProcessorTime, _process.WorkingSet64);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private async Task WaitUntilServingAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"The local host exited with code {_process.ExitCode} at start:{Environment.NewLine}{LastOutput()}");
            try
            {
                using var response = await http.GetAsync(new Uri("/api/health", UriKind.Relative), cancellationToken);
                if (response.IsSuccessStatusCode)
                    return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Listening, not answering yet.
            }

            if (clock.Elapsed > StartTimeout)
                throw new TimeoutException(string.Create(CultureInfo.InvariantCulture, $"The local host did not serve within {StartTimeout.TotalSeconds:0} s:{Environment.NewLine}{LastOutput()}"));
            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
        }
    }

    private string LastOutput()
    {
        lock (_output)
            return string.Join(Environment.NewLine, _output);
    }

    private void Keep(string? line)
    {
        if (line is null)
            return;
        lock (_output)
        {
            _output.Enqueue(line);
            while (_output.Count > OutputLinesKept)
                _output.Dequeue();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
