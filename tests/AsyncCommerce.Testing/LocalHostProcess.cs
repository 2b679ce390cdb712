using System.Diagnostics;

namespace AsyncCommerce.Testing;

/// <summary>
/// The local host as a separate OS process (the build output this test project carries), on a free loopback port,
/// configured through environment variables: what a crash test kills with SIGKILL and starts again.
/// </summary>
public sealed class LocalHostProcess : IAsyncDisposable
{
    private const int OutputLinesKept = 50_000;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly Queue<string> _output = new();

    private LocalHostProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public int ProcessId => _process.Id;

    /// <summary>The last lines the host wrote (its log), for assertions and for the message of a failed test.</summary>
    public IReadOnlyList<string> Output
    {
        get
        {
            lock (_output)
                return [.. _output];
        }
    }

    /// <summary>Starts the host with <paramref name="settings"/> (configuration keys) and waits until it serves.</summary>
    public static async Task<LocalHostProcess> StartAsync(IReadOnlyDictionary<string, string?> settings)
    {
        var host = Launch(settings, environment: null);
        await host.WaitUntilServingAsync();
        return host;
    }

    /// <summary>
    /// Starts the host for a run that must end by itself (a host refusing to start), with extra environment
    /// variables (a PATH without Node.js, say), and returns its exit code once it has exited.
    /// </summary>
    public static async Task<(int ExitCode, IReadOnlyList<string> Output)> RunUntilExitAsync(
        IReadOnlyDictionary<string, string?> settings, IReadOnlyDictionary<string, string> environment, TimeSpan timeout)
    {
        await using var host = Launch(settings, environment);
        using var deadline = new CancellationTokenSource(timeout);
        await host._process.WaitForExitAsync(deadline.Token);

        // The exit is seen before the last lines are read: wait for the end of both streams.
        host._process.WaitForExit();
        return (host._process.ExitCode, host.Output);
    }

    private static LocalHostProcess Launch(IReadOnlyDictionary<string, string?> settings, IReadOnlyDictionary<string, string>? environment)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var baseAddress = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        var start = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "AsyncCommerce.LocalHost.exe" : "AsyncCommerce.LocalHost"))
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_URLS"] = baseAddress.ToString();
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["Logging__Console__FormatterName"] = "simple";

        // The product's own log lines (an order's progress) and nothing below warnings from the SDKs underneath.
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__AsyncCommerce"] = "Information";
        foreach (var (key, value) in settings)
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            start.Environment[name] = value;

        var process = new Process { StartInfo = start };
        var host = new LocalHostProcess(process, baseAddress);
        process.OutputDataReceived += (_, line) => host.Keep(line.Data);
        process.ErrorDataReceived += (_, line) => host.Keep(line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return host;
    }

    /// <summary>A client acting as an operator (<see cref="TestTokens.Operator"/>), as <see cref="CommerceApp"/>'s do.</summary>
    public HttpClient CreateClient() => new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) }.WithToken(TestTokens.Operator);

    /// <summary>SIGKILL: no shutdown hook, no flush, no graceful drain; whatever was in flight is cut.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: false);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
            await KillAsync();
        _process.Dispose();
    }

    private async Task WaitUntilServingAsync()
    {
        using var http = CreateClient();
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"The local host exited with code {_process.ExitCode} at start:{Environment.NewLine}{string.Join(Environment.NewLine, Output)}");
            try
            {
                using var response = await http.GetAsync(new Uri("/api/health", UriKind.Relative));
                if (response.IsSuccessStatusCode)
                    return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            if (clock.Elapsed > StartTimeout)
                throw new TimeoutException($"The local host did not serve within {StartTimeout.TotalSeconds:0} s:{Environment.NewLine}{string.Join(Environment.NewLine, Output)}");
            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
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
}
