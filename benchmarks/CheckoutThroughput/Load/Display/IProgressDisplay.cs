using AsyncCommerce.Benchmarks.CheckoutThroughput.Load.Run;
using Spectre.Console;

namespace AsyncCommerce.Benchmarks.CheckoutThroughput.Load.Display;

/// <summary>Shows a phase's live figures while it runs: a live table on a terminal, plain lines when output is redirected.</summary>
internal interface IProgressDisplay
{
    Task<T> RunAsync<T>(LoadCounters counters, Func<LoadCounters, Task<T>> phase);

    void Say(string line);
}

internal static class ProgressDisplay
{
    public static IProgressDisplay Create(bool plain) =>
        plain || Console.IsOutputRedirected || !AnsiConsole.Profile.Capabilities.Interactive ? new PlainProgress(Console.Out) : new LiveProgress();
}
