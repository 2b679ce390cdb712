namespace AsyncCommerce.Adapters.Behaviours.Support;

/// <summary>
/// On a test class deriving from a behavioural suite: its <see cref="BehaviourFactAttribute"/> facts are skipped,
/// with <see cref="Reason"/>, unless <see cref="Variable"/> is set (to reach a real service, say).
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = true)]
public sealed class RequiresEnvironmentVariableAttribute(string variable) : Attribute
{
    public string Variable { get; } = variable;

    /// <summary>Why the facts are skipped, and how to run them; defaults to "Set {Variable} to run".</summary>
    public string? Reason { get; set; }

    /// <summary>The skip reason, or null when the variable is set.</summary>
    public string? SkipReason() =>
        string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(Variable)) ? Reason ?? $"Set {Variable} to run." : null;
}
