using Microsoft.Extensions.Options;

namespace AsyncCommerce.Adapters.ServiceBus;

/// <summary>Checks <see cref="ServiceBusOptions"/> on start, naming the setting to fix; the Functions app runs it over its app settings too.</summary>
[OptionsValidator]
public sealed partial class ServiceBusOptionsValidation : IValidateOptions<ServiceBusOptions>;
