using AsyncCommerce.Adapters.Cosmos.Checkout;
using AsyncCommerce.Adapters.Cosmos.Inventory;
using AsyncCommerce.Adapters.Cosmos.Notifications;
using AsyncCommerce.Adapters.Cosmos.Orders;
using AsyncCommerce.Checkout;
using AsyncCommerce.Inventory;
using AsyncCommerce.Notifications;
using AsyncCommerce.Orders;
using Azure.Core;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;

namespace AsyncCommerce.Adapters.Cosmos.Tests;

public sealed class CosmosServiceCollectionExtensionsTests
{
    private const string Endpoint = "https://commerce-test.documents.azure.com:443/";

    [Fact]
    public void AddCosmosStores_WithAnAccountEndpoint_ResolvesEveryPortToItsCosmosStore()
    {
        using var provider = Provider(new() { ["Cosmos:accountEndpoint"] = Endpoint });

        Assert.IsType<CosmosOrderEventStore>(provider.GetRequiredService<IOrderEventStore>());
        Assert.IsType<CosmosOrderViewStore>(provider.GetRequiredService<IOrderViewStore>());
        Assert.IsType<CosmosInventoryStore>(provider.GetRequiredService<IInventoryStore>());
        Assert.IsType<CosmosIdempotencyStore>(provider.GetRequiredService<IIdempotencyStore>());
        Assert.IsType<CosmosNotificationLog>(provider.GetRequiredService<INotificationLog>());
        Assert.Same(provider.GetRequiredService<CosmosInventoryStore>(), provider.GetRequiredService<IInventoryStore>());
        Assert.Contains(provider.GetServices<IHostedService>(), service => service is CosmosInventorySeeder);
    }

    [Fact]
    public void AddCosmosStores_ByDefault_ConnectsDirectlyWithTheCommerceSerializerAndStatedRateLimitRetries()
    {
        using var provider = Provider(new() { ["Cosmos:AccountEndpoint"] = Endpoint });

        var client = provider.GetRequiredService<CosmosClient>();

        Assert.Equal(new Uri(Endpoint), client.Endpoint);
        Assert.Same(CommerceJsonDefaults.Options, client.ClientOptions.UseSystemTextJsonSerializerWithOptions);
        Assert.Equal(ConnectionMode.Direct, client.ClientOptions.ConnectionMode);
        Assert.Equal(9, client.ClientOptions.MaxRetryAttemptsOnRateLimitedRequests);
        Assert.Equal(TimeSpan.FromSeconds(30), client.ClientOptions.MaxRetryWaitTimeOnRateLimitedRequests);
        Assert.Equal(CosmosNames.Default.OrderEvents.Name, provider.GetRequiredService<CosmosContainers>().OrderEvents.Id);
    }

    [Fact]
    public void AddCosmosStores_WithConfiguredSettings_PassesThemToTheClientAndTheStores()
    {
        using var provider = Provider(new()
        {
            ["Cosmos:AccountEndpoint"] = Endpoint,
            ["Cosmos:ConnectionMode"] = "Gateway",
            ["Cosmos:MaxRetryAttemptsOnRateLimitedRequests"] = "3",
            ["Cosmos:MaxRetryWaitTimeOnRateLimitedRequests"] = "00:00:05",
            ["Cosmos:ConflictRetry:MaxAttempts"] = "12",
        });

        var client = provider.GetRequiredService<CosmosClient>();

        Assert.Equal(ConnectionMode.Gateway, client.ClientOptions.ConnectionMode);
        Assert.Equal(3, client.ClientOptions.MaxRetryAttemptsOnRateLimitedRequests);
        Assert.Equal(TimeSpan.FromSeconds(5), client.ClientOptions.MaxRetryWaitTimeOnRateLimitedRequests);
        Assert.Equal(12, provider.GetRequiredService<IOptions<CosmosOptions>>().Value.ConflictRetry.MaxAttempts);
    }

    [Fact]
    public void AddCosmosStores_WithoutAnEndpoint_FailsNamingTheSettingToSet()
    {
        using var provider = Provider([]);

        var thrown = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOrderEventStore>());

        Assert.Contains("Cosmos:AccountEndpoint", thrown.Message, StringComparison.Ordinal);
        Assert.Contains("Cosmos__accountEndpoint", thrown.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://commerce.documents.azure.com/", null, false, "Cosmos:AccountEndpoint must be an absolute https URI")]
    [InlineData(Endpoint, "AccountEndpoint=https://localhost:8081/;AccountKey=a2V5", false, "not both")]
    [InlineData(Endpoint, null, true, "Cosmos:AcceptEmulatorCertificate is only allowed with Cosmos:ConnectionString")]
    [InlineData(null, "AccountEndpoint=https://commerce.documents.azure.com:443/;AccountKey=a2V5", true, "only allowed for an emulator on this machine")]
    [InlineData(null, "AccountKey=a2V5", false, "Cosmos:ConnectionString has no AccountEndpoint")]
    public void Validate_InvalidConnectionSettings_NamesTheSettingToFix(string? endpoint, string? connectionString, bool acceptEmulatorCertificate, string expected)
    {
        var options = new CosmosOptions
        {
            AccountEndpoint = endpoint is null ? null : new Uri(endpoint),
            ConnectionString = connectionString,
            AcceptEmulatorCertificate = acceptEmulatorCertificate,
        };

        var result = new CosmosOptionsValidation().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(expected, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_EmulatorConnectionStringTrustingItsCertificate_Succeeds()
    {
        var options = new CosmosOptions { ConnectionString = "AccountEndpoint=https://localhost:8081/;AccountKey=a2V5", AcceptEmulatorCertificate = true };

        Assert.True(new CosmosOptionsValidation().Validate(null, options).Succeeded);
    }

    [Fact]
    public void Validate_ConflictRetryWithoutAttempts_Fails()
    {
        var options = new CosmosOptions { AccountEndpoint = new Uri(Endpoint), ConflictRetry = new() { MaxAttempts = 0 } };

        Assert.Contains("Cosmos:ConflictRetry:MaxAttempts", new CosmosOptionsValidation().Validate(null, options).FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void AddCosmosOrderEventFeed_AfterTheStoresAndAPublisher_HostsAProcessorOverOrderEventsWithTheLeaseContainer()
    {
        using var provider = Provider(new() { ["Cosmos:AccountEndpoint"] = Endpoint }, services => services
            .AddSingleton(Mock.Of<IOrderEventPublisher>())
            .AddCosmosOrderEventFeed());

        var feed = Assert.Single(provider.GetServices<IHostedService>().OfType<CosmosOrderEventFeed>());

        // Built, not started: nothing connects. Building checks the processor's own requirements (a lease container, an instance name).
        Assert.NotNull(feed.Build());
        Assert.Equal(CosmosNames.Default.Leases.Name, provider.GetRequiredService<CosmosContainers>().Leases.Id);
    }

    [Fact]
    public void AddCosmosOrderEventFeed_CalledTwice_HostsOneProcessor()
    {
        using var provider = Provider(new() { ["Cosmos:AccountEndpoint"] = Endpoint }, services => services
            .AddSingleton(Mock.Of<IOrderEventPublisher>())
            .AddCosmosOrderEventFeed()
            .AddCosmosOrderEventFeed());

        Assert.Single(provider.GetServices<IHostedService>().OfType<CosmosOrderEventFeed>());
    }

    [Fact]
    public void AddCosmosOrderEventFeed_WithoutTheStores_SaysToAddThemFirst()
    {
        var thrown = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddCosmosOrderEventFeed());

        Assert.Contains(nameof(CosmosServiceCollectionExtensions.AddCosmosStores), thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CosmosOrderEventFeed_InstanceName_IsUniquePerProcessOnAMachine()
    {
        Assert.Equal($"{Environment.MachineName}-{Environment.ProcessId}", CosmosOrderEventFeed.InstanceName);
    }

    [Theory]
    [InlineData("PollInterval", "00:00:00", "Cosmos:OrderEventFeed:PollInterval")]
    [InlineData("MaxItemsPerBatch", "0", "Cosmos:OrderEventFeed:MaxItemsPerBatch")]
    [InlineData("MaxConcurrentOrders", "0", "Cosmos:OrderEventFeed:MaxConcurrentOrders")]
    public void AddCosmosStores_InvalidOrderEventFeedSetting_FailsNamingIt(string setting, string value, string expected)
    {
        using var provider = Provider(new() { ["Cosmos:AccountEndpoint"] = Endpoint, [$"Cosmos:OrderEventFeed:{setting}"] = value });

        var thrown = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<CosmosOptions>>().Value);

        Assert.Contains(expected, thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddCosmosStores_OrderEventFeedSettings_AreBoundFromTheCosmosSection()
    {
        using var provider = Provider(new()
        {
            ["Cosmos:AccountEndpoint"] = Endpoint,
            ["Cosmos:OrderEventFeed:PollInterval"] = "00:00:05",
            ["Cosmos:OrderEventFeed:MaxItemsPerBatch"] = "50",
            ["Cosmos:OrderEventFeed:MaxConcurrentOrders"] = "2",
        });

        var feed = provider.GetRequiredService<IOptions<CosmosOptions>>().Value.OrderEventFeed;

        Assert.Equal((TimeSpan.FromSeconds(5), 50, 2), (feed.PollInterval, feed.MaxItemsPerBatch, feed.MaxConcurrentOrders));
    }

    private static ServiceProvider Provider(Dictionary<string, string?> settings, Action<IServiceCollection>? more = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        // A credential that is never asked for a token: nothing here talks to Azure.
        services.AddSingleton(Mock.Of<TokenCredential>());
        services.AddCosmosStores(configuration);
        more?.Invoke(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
