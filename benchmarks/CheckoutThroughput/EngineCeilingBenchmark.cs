using System.Diagnostics;
using System.Globalization;
using AsyncCommerce.Adapters.AzureStorage;
using AsyncCommerce.LocalHost.EmbeddedEngine;
using AsyncCommerce.LocalHost.Storage;
using DurableTask.Core;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AsyncCommerce.Benchmarks.CheckoutThroughput;

/// <summary>
/// The Durable engine alone on Azurite: the local host's Azure Storage backend, with its settings, running workflows
/// shaped like a delivery checkout (six steps in a row) whose steps do nothing. No store, gateway, HTTP or gRPC is
/// involved, so the figure is the most workflows per second the backend can finish on this machine's Azurite, and the
/// storage requests each one costs the backend itself: a ceiling no checkout can pass.
/// </summary>
internal static class EngineCeilingBenchmark
{
    private const int StepsPerWorkflow = 6;

    /// <returns>Whether every workflow finished before the deadline.</returns>
    public static async Task<bool> RunAsync(BenchmarkSettings settings, TextWriter output)
    {
        using var storageRequests = new StorageRequestCounter();
        var storage = new AzureStorageOptions { TaskHub = $"ceiling{DateTime.UtcNow:yyyyMMddHHmmss}" };

        // As the host does: the running Azurite, or the pinned one started (and stopped) for this run.
        await using var azurite = new LocalAzurite(
            Options.Create(storage), new HostingEnvironment { ContentRootPath = Directory.GetCurrentDirectory() }, NullLogger<LocalAzurite>.Instance);
        await azurite.StartAsync(CancellationToken.None);
        var backend = EmbeddedBackends.AzureStorage(new EmbeddedEngineOptions(), storage, NullLoggerFactory.Instance);
        await backend.CreateIfNotExistsAsync();
        var worker = new TaskHubWorker(backend.Service);
        worker.AddTaskOrchestrations(typeof(StepsInARow));
        worker.AddTaskActivities(typeof(NothingStep));
        await worker.StartAsync();
        var client = new TaskHubClient(backend.Client);
        try
        {
            await RunWorkflowsAsync(client, count: Math.Min(50, settings.Orders), settings.Deadline);
            var before = storageRequests.Snapshot();
            var clock = Stopwatch.StartNew();
            var finished = await RunWorkflowsAsync(client, settings.Orders, settings.Deadline);
            var elapsed = clock.Elapsed;
            var requests = StorageRequestTally.Between(before, storageRequests.Snapshot());

            var c = CultureInfo.InvariantCulture;
            output.WriteLine(string.Create(c, $"engine only (Azure Storage backend on Azurite), {StepsPerWorkflow} no-op steps per workflow, {Environment.ProcessorCount} cores"));
            output.WriteLine(string.Create(c, $"workflows finished         {finished}/{settings.Orders} in {elapsed.TotalSeconds:0.00} s   ({finished / elapsed.TotalSeconds:0.0} workflows/s)"));
            output.WriteLine("  (storage requests exclude each workflow's final checkpoint: the count stops when its last episode has run)");
            requests.Print(output, "workflow", finished);
            return finished == settings.Orders;
        }
        finally
        {
            await worker.StopAsync(isForced: true);
        }
    }

    private static async Task<int> RunWorkflowsAsync(TaskHubClient client, int count, TimeSpan deadline)
    {
        StepsInARow.Expect(count);
        await Parallel.ForEachAsync(Enumerable.Range(0, count), (index, _) => new ValueTask(client.CreateOrchestrationInstanceAsync(typeof(StepsInARow), index)));
        return await StepsInARow.WaitForAllAsync(deadline);
    }

    private sealed class StepsInARow : TaskOrchestration<int, int>
    {
        // Finishing is observed in-process, not by polling instance status: polling would be most of the requests counted.
        private static TaskCompletionSource _all = new();
        private static int _expected;
        private static int _finished;

        public static void Expect(int count)
        {
            _all = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _finished = 0;
            _expected = count;
        }

        public static async Task<int> WaitForAllAsync(TimeSpan deadline)
        {
            await _all.Task.WaitAsync(deadline).ContinueWith(static _ => { }, TaskScheduler.Default);
            return Volatile.Read(ref _finished);
        }

        public override async Task<int> RunTask(OrchestrationContext context, int input)
        {
            for (var step = 0; step < StepsPerWorkflow; step++)
                await context.ScheduleTask<int>(typeof(NothingStep), step);
            if (!context.IsReplaying && Interlocked.Increment(ref _finished) == _expected)
                _all.TrySetResult();
            return input;
        }
    }

    private sealed class NothingStep : TaskActivity<int, int>
    {
        protected override int Execute(TaskContext context, int input) => input;
    }
}
