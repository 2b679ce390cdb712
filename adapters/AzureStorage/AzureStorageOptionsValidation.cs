using Microsoft.Extensions.Options;

namespace AsyncCommerce.Adapters.AzureStorage;

[OptionsValidator]
internal sealed partial class AzureStorageOptionsValidation : IValidateOptions<AzureStorageOptions>;
