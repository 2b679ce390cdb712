using System.Globalization;

namespace AsyncCommerce.Benchmarks.CheckoutThroughput.Load;

/// <summary>Reads <see cref="LoadSettings"/> from <c>--name value</c> pairs and a few flags; says what is wrong otherwise.</summary>
internal static class LoadArguments
{
    public const string Usage =
        "usage: dotnet run -c Release --project benchmarks/CheckoutThroughput -- [--duration 10s | --orders N] [--connections N] [--rate N]\n" +
        "         [--warmup N | --cold] [--latency-ms N] [--storage memory|azurite] [--no-sync] [--followers N] [--deadline-s N]\n" +
        "         [--mix realistic|delivery] [--report-dir DIR] [--seed N] [--plain] [--host-env NAME=VALUE ...]\n" +
        "         [--base-url https://app.azurewebsites.net --function-key KEY] [--staff-token JWT] [--admin-token JWT]\n" +
        "  the default: the local host (Release) as a child process, a realistic checkout mix, 2000 warm-up orders,\n" +
        "  a 10 s burst from 32 connections, then the synchronous baseline; a report to the console and to .benchmarks/\n" +
        "  --rate N offers the measured phase N checkouts a second (latency counted from when each was due) instead of\n" +
        "  every connection posting back to back\n" +
        "other modes (the local host in this process):\n" +
        "  --mode checkouts [--orders N] [--concurrency N] [--rounds N] [--storage memory|azurite]   delivery checkouts; azurite: storage requests per order\n" +
        "                   [--allocations N]                                                  and the N types this process allocates most\n" +
        "  --engine-only [--orders N]                                                          the Durable engine's ceiling on Azurite\n" +
        "  --mode long-poll [--waiters N] [--samples N]                                        what parked status requests cost";

    private static readonly HashSet<string> Flags = new(StringComparer.Ordinal) { "--cold", "--no-sync", "--plain" };

    /// <returns>The settings, or null with <paramref name="error"/> saying why.</returns>
    public static LoadSettings? Parse(IReadOnlyList<string> args, out string? error)
    {
        var settings = new LoadSettings();
        error = null;
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (Flags.Contains(name))
            {
                settings = ApplyFlag(settings, name);
                continue;
            }

            if (i + 1 >= args.Count)
            {
                error = $"{name} needs a value.";
                return null;
            }

            var applied = Apply(settings, name, args[++i]);
            if (applied is null)
            {
                error = name is "--rounds" or "--waiters" or "--samples" or "--allocations"
                    ? $"{name} belongs to an in-process mode (--mode checkouts or --mode long-poll)."
                    : $"{name} {args[i]}: not an option of the load run, or not a valid value for it.";
                return null;
            }

            settings = applied;
        }

        error = Check(settings);
        return error is null ? settings : null;
    }

    private static LoadSettings ApplyFlag(LoadSettings settings, string flag) => flag switch
    {
        "--cold" => settings with { WarmupOrders = 0 },
        "--no-sync" => settings with { Synchronous = false },
        _ => settings with { Plain = true },
    };

    private static LoadSettings? Apply(LoadSettings settings, string name, string value) => name switch
    {
        "--mode" => value == "load" ? settings : null,
        "--base-url" => Uri.TryCreate(value, UriKind.Absolute, out var url) ? settings with { BaseUrl = url, Synchronous = false } : null,
        "--function-key" => settings with { FunctionKey = value },
        "--staff-token" => settings with { StaffToken = value },
        "--admin-token" => settings with { AdminToken = value },
        "--orders" => Positive(value) is { } orders ? settings with { Orders = orders } : null,
        "--duration" => Duration(value) is { } duration ? settings with { Duration = duration, Orders = null } : null,
        "--connections" or "--concurrency" => Positive(value) is { } connections ? settings with { Connections = connections } : null,
        "--rate" => PositiveRate(value) is { } rate ? settings with { Rate = rate } : null,
        "--warmup" => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var warmup) ? settings with { WarmupOrders = warmup } : null,
        "--latency-ms" => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var ms) ? settings with { GatewayLatency = TimeSpan.FromMilliseconds(ms) } : null,
        "--storage" => value is "memory" or "azurite" ? settings with { Storage = value == "memory" ? "Memory" : "Azurite" } : null,
        "--followers" => Positive(value) is { } followers ? settings with { Followers = followers } : null,
        "--deadline-s" => Positive(value) is { } seconds ? settings with { Deadline = TimeSpan.FromSeconds(seconds) } : null,
        "--report-dir" => settings with { ReportDirectory = value },
        "--mix" => value is "realistic" or "delivery" ? settings with { DeliveryOnly = value == "delivery" } : null,
        "--host-env" => HostVariable(value) is { } variable ? settings with { HostEnvironment = [.. settings.HostEnvironment, variable] } : null,
        "--seed" => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seed) ? settings with { Seed = seed } : null,
        _ => null,
    };

    private static string? Check(LoadSettings settings)
    {
        if (!settings.Embedded && settings.Storage != "Memory")
            return "--storage chooses the embedded host's storage; a --base-url app has its own.";
        if (!settings.Embedded && settings.GatewayLatency != LoadSettings.DefaultGatewayLatency)
            return "--latency-ms sets the embedded host's simulated gateways; a --base-url app has its own.";
        if (settings.Embedded && settings.FunctionKey is not null)
            return "--function-key is for a --base-url app.";
        if (!settings.Embedded && settings.HostEnvironment.Count > 0)
            return "--host-env sets the embedded host's environment; a --base-url app has its own.";
        return null;
    }

    private static int? Positive(string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed > 0 ? parsed : null;

    /// <summary>"NAME=VALUE" with a name of letters, digits and underscores (an environment variable's).</summary>
    private static (string Name, string Value)? HostVariable(string value)
    {
        var equals = value.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
            return null;
        var name = value[..equals];
        return name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') ? (name, value[(equals + 1)..]) : null;
    }

    private static double? PositiveRate(string value) =>
        double.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var parsed) && parsed > 0 ? parsed : null;

    /// <summary>"10s", "2m", "500ms", or seconds.</summary>
    private static TimeSpan? Duration(string value)
    {
        var (number, unit) = value.EndsWith("ms", StringComparison.Ordinal) ? (value[..^2], 0.001)
            : value.EndsWith('s') ? (value[..^1], 1.0)
            : value.EndsWith('m') ? (value[..^1], 60.0)
            : (value, 1.0);
        return double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var parsed) && parsed > 0
            ? TimeSpan.FromSeconds(parsed * unit)
            : null;
    }
}
