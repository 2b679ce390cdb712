using System.ComponentModel.DataAnnotations;

namespace AsyncCommerce;

/// <summary>
/// <see cref="RangeAttribute"/> for a setting of an options class, whose message names the setting to fix. The options
/// validation source generator replaces <c>[Range]</c> itself with a copy that ignores <c>ErrorMessage</c>
/// (dotnet/runtime#123137) and reports "The field X must be between …" instead; a subclass is used as written.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter, AllowMultiple = false)]
public sealed class SettingRangeAttribute : RangeAttribute
{
    public SettingRangeAttribute(int minimum, int maximum)
        : base(minimum, maximum)
    {
    }

    public SettingRangeAttribute(double minimum, double maximum)
        : base(minimum, maximum)
    {
    }

    /// <summary>A range of <paramref name="operandType"/> (a <see cref="TimeSpan"/>: see <see cref="DurationBounds"/>), written as configuration writes it.</summary>
    public SettingRangeAttribute(Type operandType, string minimum, string maximum)
        : base(operandType, minimum, maximum)
    {
    }
}
