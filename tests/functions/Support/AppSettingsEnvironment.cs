using Microsoft.Extensions.Configuration;

namespace AsyncCommerce.Functions.Tests.Support;

/// <summary>
/// App settings as the worker receives them: environment variables named like app settings (<c>__</c> between
/// sections), read through the real environment-variable provider. A prefix unique to each instance keeps tests
/// that run in parallel apart.
/// </summary>
public sealed class AppSettingsEnvironment : IDisposable
{
    private readonly string _prefix = $"ASYNCCOMMERCE_TEST_{Guid.NewGuid():N}_";
    private readonly List<string> _names = [];

    public AppSettingsEnvironment(IReadOnlyDictionary<string, string> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        foreach (var (name, value) in settings)
        {
            _names.Add(_prefix + name);
            Environment.SetEnvironmentVariable(_prefix + name, value);
        }

        Configuration = new ConfigurationBuilder().AddEnvironmentVariables(_prefix).Build();
    }

    public IConfiguration Configuration { get; }

    public void Dispose()
    {
        foreach (var name in _names)
            Environment.SetEnvironmentVariable(name, null);
    }
}
