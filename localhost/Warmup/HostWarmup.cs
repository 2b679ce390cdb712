using System.Runtime;
using AsyncCommerce.LocalHost.Telemetry;
using Microsoft.Extensions.Options;

namespace AsyncCommerce.LocalHost.Warmup;

/// <summary>
/// Before the host serves, runs <see cref="WarmupOptions.Orders"/> orders of every kind through a throwaway in-memory
/// instance of itself (<see cref="WarmupInstance"/>), as the Functions warmup trigger does for a new scale-out instance.
/// </summary>
/// <remarks>
/// Why: a fresh process compiles every method on its first calls and runs unoptimized code until the runtime recompiles
/// the hot ones, so its first 2,000 orders cost more than twice the CPU of later ones, while customers wait. The
/// warm-up spends that CPU before the first customer's request instead. The throwaway instance shares the process's
/// compiled code, not its data: the real host's stores, stock and event stream never see a warm-up order. It is skipped
/// when a telemetry exporter is on, because the product's meter and activity source are shared by the whole process.
/// A warm-up that fails or runs out of time is logged and the host serves anyway: it only changes how fast, never what.
/// </remarks>
internal sealed partial class HostWarmup(
    IOptions<WarmupOptions> options,
    IConfiguration configuration,
    IHostEnvironment environment,
    TimeProvider clock,
    ILogger<HostWarmup> logger) : IHostedService
{
    // On this 2-core machine the runtime took about 4 s to recompile what a round of 200 orders made hot.
    private static readonly TimeSpan JitQuietLongest = TimeSpan.FromSeconds(15);

    // A round that compiled fewer methods than this found the code settled: what is left is rare paths.
    private const long SettledRoundCompilations = 100;

    /// <summary>The last warm-up's outcome; null until one ran.</summary>
    public WarmupResult? Result { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var orders = options.Value.Orders;
        if (orders == 0)
            return;
        if (TelemetryExporterSetting.Read(configuration) != TelemetryExporter.None)
        {
            LogSkippedForTelemetry(TelemetryExporterSetting.Key);
            return;
        }

        var started = clock.GetTimestamp();
        var cpuBefore = Environment.CpuUsage.TotalTime;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.Timeout);
        try
        {
            var (rounds, asExpected) = await RunRoundsAsync(orders, options.Value.Rounds, timeout.Token);
            Result = new WarmupResult(rounds * orders, asExpected, rounds, clock.GetElapsedTime(started), Environment.CpuUsage.TotalTime - cpuBefore);
            LogWarmedUp(Result.Orders, asExpected, rounds, Result.Elapsed.TotalSeconds, Result.Cpu.TotalSeconds);
            if (asExpected < Result.Orders)
                LogUnexpectedEnds(Result.Orders - asExpected);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            LogTimedOut(options.Value.Timeout.TotalSeconds, $"{WarmupOptions.Section}:{nameof(WarmupOptions.Timeout)}");
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            LogFailed(failure);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    // Rounds, because tiered compilation optimizes in stages: a method's first calls compile it quickly and instrumented,
    // later calls recompile it optimized for what the instrumentation saw. Each stage needs calls after the previous one
    // is installed, so one round followed by silence leaves many methods half-way, to finish on customers' orders.
    private async Task<(int Rounds, int AsExpected)> RunRoundsAsync(int orders, int mostRounds, CancellationToken cancellationToken)
    {
        var asExpected = 0;
        await using var instance = await WarmupInstance.StartAsync(configuration, environment, cancellationToken);
        var traffic = new WarmupTraffic(instance.Client);
        for (var round = 1; ; round++)
        {
            var compiledBefore = JitInfo.GetCompiledMethodCount();
            asExpected += await traffic.RunAsync(firstOrder: (round - 1) * orders, orders, cancellationToken);
            await JitQuiet.WaitAsync(JitQuietLongest, clock, cancellationToken);
            var compiled = JitInfo.GetCompiledMethodCount() - compiledBefore;
            LogRound(round, compiled);
            if (compiled < SettledRoundCompilations || round == mostRounds)
                return (round, asExpected);
        }
    }

    [LoggerMessage(EventId = 8001, EventName = "HostWarmedUp", Level = LogLevel.Information, Message = "Warmed up with {Orders} orders ({AsExpected} ended as their kind should) in {Rounds} rounds, {Seconds:0.0} s, {CpuSeconds:0.0} s of CPU, before serving")]
    private partial void LogWarmedUp(int orders, int asExpected, int rounds, double seconds, double cpuSeconds);

    [LoggerMessage(EventId = 8006, EventName = "HostWarmupRound", Level = LogLevel.Debug, Message = "Warm-up round {Round}: the runtime compiled {Methods} methods")]
    private partial void LogRound(int round, long methods);

    [LoggerMessage(EventId = 8002, EventName = "HostWarmupUnexpectedEnds", Level = LogLevel.Warning, Message = "{Count} warm-up orders did not end as their kind should: the throwaway instance runs the same workflows, so look for the same failure in real orders")]
    private partial void LogUnexpectedEnds(int count);

    [LoggerMessage(EventId = 8003, EventName = "HostWarmupTimedOut", Level = LogLevel.Warning, Message = "The warm-up took longer than {Seconds} s ({Setting}); serving anyway")]
    private partial void LogTimedOut(double seconds, string setting);

    [LoggerMessage(EventId = 8004, EventName = "HostWarmupFailed", Level = LogLevel.Warning, Message = "The warm-up failed; serving anyway, cold")]
    private partial void LogFailed(Exception failure);

    [LoggerMessage(EventId = 8005, EventName = "HostWarmupSkipped", Level = LogLevel.Information, Message = "No warm-up: a telemetry exporter is on ({Setting}), and warm-up orders would show in its traces and metrics")]
    private partial void LogSkippedForTelemetry(string setting);
}

/// <summary>What a warm-up ran and what it cost the process.</summary>
internal sealed record WarmupResult(int Orders, int EndedAsExpected, int Rounds, TimeSpan Elapsed, TimeSpan Cpu);
