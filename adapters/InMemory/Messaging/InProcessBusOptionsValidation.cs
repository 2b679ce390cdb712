using Microsoft.Extensions.Options;

namespace AsyncCommerce.Adapters.InMemory.Messaging;

[OptionsValidator]
internal sealed partial class InProcessBusOptionsValidation : IValidateOptions<InProcessBusOptions>;
