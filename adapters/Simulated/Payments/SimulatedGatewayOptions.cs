using Microsoft.Extensions.Options;

namespace AsyncCommerce.Adapters.Simulated.Payments;

/// <summary>
/// How the simulated payment gateway behaves. Bound to <c>Commerce:Payment</c>, the section its one setting has always
/// been documented under (<c>Commerce__Payment__GatewayLatency</c>): the knob moved out of the core, the key did not.
/// </summary>
public sealed class SimulatedGatewayOptions
{
    public const string Section = "Commerce:Payment";

    /// <summary>Simulated latency of every gateway call.</summary>
    [SettingRange(typeof(TimeSpan), DurationBounds.Zero, DurationBounds.Max, ErrorMessage = $"{Section}:{nameof(GatewayLatency)} must not be negative.")]
    public TimeSpan GatewayLatency { get; set; } = TimeSpan.FromMilliseconds(150);
}

[OptionsValidator]
internal sealed partial class SimulatedGatewayOptionsValidator : IValidateOptions<SimulatedGatewayOptions>;
