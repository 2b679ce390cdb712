using Microsoft.Extensions.Options;

namespace AsyncCommerce.Adapters.InMemory.Messaging;

internal sealed class InProcessBusOptionsValidation : IValidateOptions<InProcessBusOptions>
{
    public ValidateOptionsResult Validate(string? name, InProcessBusOptions options)
    {
        var failures = Failures(options).ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static IEnumerable<string> Failures(InProcessBusOptions options)
    {
        const string section = InProcessBusOptions.Section;
        if (options.MaxDeliveryCount is < 1 or > 100)
            yield return $"{section}:{nameof(options.MaxDeliveryCount)} must be between 1 and 100.";
        if (options.RedeliveryDelay < TimeSpan.Zero)
            yield return $"{section}:{nameof(options.RedeliveryDelay)} must not be negative.";
        if (options.MaxConcurrency is < 1 or > 256)
            yield return $"{section}:{nameof(options.MaxConcurrency)} must be between 1 and 256.";
    }
}
