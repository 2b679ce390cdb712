using System.Globalization;

namespace AsyncCommerce.Benchmarks.CheckoutThroughput.Load;

/// <summary>What one load run does; <see cref="LoadArguments"/> reads it from the command line.</summary>
internal sealed record LoadSettings
{
    /// <summary>A deployed app to load; null: start the local host as a child process.</summary>
    public Uri? BaseUrl { get; init; }

    /// <summary>Sent as <c>x-functions-key</c> on every request (a Functions app's key).</summary>
    public string? FunctionKey { get; init; }

    /// <summary>Sent as <c>Authorization: Bearer</c> on the store staff routes (ready, collect).</summary>
    public string? StaffToken { get; init; }

    /// <summary>Sent as <c>Authorization: Bearer</c> on the inventory routes (the restock before the run).</summary>
    public string? AdminToken { get; init; }

    /// <summary>Fixed-count mode: this many checkouts; null: burst mode for <see cref="Duration"/>.</summary>
    public int? Orders { get; init; }

    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(10);

    public int Connections { get; init; } = 32;

    /// <summary>
    /// The measured phase's checkouts offered per second, each sent when due (<see cref="Run.CheckoutPoster"/>); null:
    /// every connection posts back to back, so the figures are taken at whatever rate the host saturates.
    /// </summary>
    public double? Rate { get; init; }

    /// <summary>Checkouts posted (and waited for) before the measured phase; 0 is a cold run.</summary>
    public int WarmupOrders { get; init; } = 2000;

    public TimeSpan GatewayLatency { get; init; } = DefaultGatewayLatency;

    /// <summary>The local host's own default (README, Configuration).</summary>
    public static TimeSpan DefaultGatewayLatency { get; } = TimeSpan.FromMilliseconds(150);

    /// <summary>Extra environment variables for the embedded host's process only (<c>--host-env NAME=VALUE</c>).</summary>
    public IReadOnlyList<(string Name, string Value)> HostEnvironment { get; init; } = [];

    /// <summary>The embedded host's storage mode: <c>Memory</c> or <c>Azurite</c>.</summary>
    public string Storage { get; init; } = "Memory";

    /// <summary>Run the synchronous baseline after the measured phase (embedded host only).</summary>
    public bool Synchronous { get; init; } = true;

    /// <summary>Requests that follow orders (long polls) and play store staff and customers.</summary>
    public int Followers { get; init; } = 64;

    /// <summary>How long orders may take to finish after the last checkout of a phase was accepted.</summary>
    public TimeSpan Deadline { get; init; } = TimeSpan.FromMinutes(3);

    public string ReportDirectory { get; init; } = ".benchmarks";

    public int Seed { get; init; } = 1;

    /// <summary>Only plain delivery orders paid by the first card (<c>--mix delivery</c>) instead of the realistic mix.</summary>
    public bool DeliveryOnly { get; init; }

    /// <summary>Plain progress lines even on a terminal.</summary>
    public bool Plain { get; init; }

    public bool Embedded => BaseUrl is null;

    public bool Cold => WarmupOrders == 0;

    public string Shape => (Orders is { } count ? $"{count} orders" : $"burst {Duration.TotalSeconds:0.#} s") + Pace;

    private string Pace => Rate is { } rate
        ? string.Create(CultureInfo.InvariantCulture, $", the measured phase paced at {rate:0.#} checkouts/s")
        : "";
}
