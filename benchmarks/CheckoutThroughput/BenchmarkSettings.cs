using System.Globalization;

namespace AsyncCommerce.Benchmarks.CheckoutThroughput;

internal sealed record BenchmarkSettings(
    int Orders, int Concurrency, TimeSpan GatewayLatency, TimeSpan Deadline, string Storage = "Memory", string Mode = "checkouts", int Waiters = 200, int Samples = 2000,
    bool EngineOnly = false, int Rounds = 1, int AllocationTypes = 0)
{
    /// <summary>The modes that run the local host inside this process: the engine's ceiling, delivery checkouts, long polls.</summary>
    public static bool IsInProcessMode(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Contains("--engine-only"))
            return true;
        var mode = args.ToList().IndexOf("--mode");
        return mode >= 0 && mode + 1 < args.Count && args[mode + 1] is "checkouts" or "long-poll";
    }

    public bool OnAzurite => string.Equals(Storage, "Azurite", StringComparison.OrdinalIgnoreCase);

    public bool LongPoll => Mode == "long-poll";

    public static BenchmarkSettings? Parse(string[] args)
    {
        var settings = new BenchmarkSettings(Orders: 1000, Concurrency: 32, GatewayLatency: TimeSpan.FromMilliseconds(150), Deadline: TimeSpan.FromMinutes(5));
        if (args.Contains("--engine-only"))
        {
            settings = settings with { Storage = "azurite", EngineOnly = true };
            args = [.. args.Where(arg => arg != "--engine-only")];
        }

        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            if (args[i] == "--storage")
            {
                if (args[i + 1] is not ("memory" or "azurite"))
                    return null;
                settings = settings with { Storage = args[i + 1] };
                continue;
            }

            if (args[i] == "--mode")
            {
                if (args[i + 1] is not ("checkouts" or "long-poll"))
                    return null;
                settings = settings with { Mode = args[i + 1] };
                continue;
            }

            if (!int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value <= 0)
                return null;
            settings = args[i] switch
            {
                "--orders" => settings with { Orders = value },
                "--concurrency" => settings with { Concurrency = value },
                "--latency-ms" => settings with { GatewayLatency = TimeSpan.FromMilliseconds(value) },
                "--deadline-s" => settings with { Deadline = TimeSpan.FromSeconds(value) },
                "--waiters" => settings with { Waiters = value },
                "--samples" => settings with { Samples = value },
                "--rounds" => settings with { Rounds = value },
                "--allocations" => settings with { AllocationTypes = value },
                _ => null,
            };
            if (settings is null)
                return null;
        }

        return args.Length % 2 == 0 && settings.Rounds <= settings.Orders ? settings : null;
    }
}
