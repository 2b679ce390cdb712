using Microsoft.Extensions.Options;

namespace AsyncCommerce.Adapters.Cosmos;

/// <summary>Checks <see cref="CosmosOptions"/> on start, naming the setting to fix; the Functions app runs it over its app settings too.</summary>
[OptionsValidator]
public sealed partial class CosmosOptionsValidation : IValidateOptions<CosmosOptions>;
