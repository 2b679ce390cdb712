using AsyncCommerce.Adapters.AzureStorage.Azurite;
using AsyncCommerce.LocalHost;
using AsyncCommerce.LocalHost.Storage;
using Microsoft.Extensions.Options;

var builder = WebApplication.CreateBuilder(ConfigurationFiles.ReadOnce(args));
builder.Configuration.AddCommandLine(args, new Dictionary<string, string> { [StorageModeSetting.CommandLineSwitch] = StorageModeSetting.Key });
try
{
    builder.UseLocalDefaults();
    builder.Services.AddLocalCommerce(builder.Configuration);

    var app = builder.Build();
    app.MapLocalCommerce();
    await app.RunAsync();
}
catch (Exception error) when (error is LocalHostConfigurationException or OptionsValidationException or AzuriteUnavailableException)
{
    // A setting or a missing tool stops the host: one line that says what to do, not a stack trace.
    await Console.Error.WriteLineAsync($"AsyncCommerce local host cannot start: {error.Message}");
    return 1;
}

return 0;

/// <summary>The local host's entry point; public so tests can start it with WebApplicationFactory.</summary>
public partial class Program;
