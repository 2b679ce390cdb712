using AsyncCommerce.Adapters.Simulated.Notifications;
using AsyncCommerce.Adapters.Simulated.Payments;
using AsyncCommerce.Notifications;
using AsyncCommerce.Orders;
using AsyncCommerce.Payments;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AsyncCommerce.Adapters.Simulated.Tests;

public sealed class SimulatedAdapterServiceCollectionExtensionsTests
{
    [Fact]
    public void AddSimulatedAdapters_ResolvesEachPortAndItsAdapterToOneInstance()
    {
        using var provider = BuildProvider([]);

        Assert.Same(provider.GetRequiredService<SimulatedPaymentGateway>(), provider.GetRequiredService<IPaymentGateway>());
        Assert.Same(provider.GetRequiredService<SimulatedNotificationSender>(), provider.GetRequiredService<INotificationSender>());
    }

    [Fact]
    public async Task AddSimulatedAdapters_KeepsTheGatewaysLedgerInMemoryByDefault()
    {
        using var provider = BuildProvider([]);
        var gateway = provider.GetRequiredService<IPaymentGateway>();

        var result = await gateway.AuthorizeAsync(new AuthorizationRequest("order-1", "order-1:0", PaymentMethods.Card, "tok_visa", new Money(10m, "USD")));

        var ledger = Assert.IsType<InMemorySimulatedPaymentLedger>(provider.GetRequiredService<ISimulatedPaymentLedger>());
        Assert.Equal(result.AuthorizationId, Assert.Single(await ledger.ListAuthorizationsAsync()).AuthorizationId);
    }

    [Fact]
    public async Task AddSimulatedAdapters_WhenALedgerIsRegisteredFirst_KeepsTheGatewayOnIt()
    {
        var ledger = new InMemorySimulatedPaymentLedger();
        using var provider = BuildProvider([], ledger: ledger);

        var result = await provider.GetRequiredService<IPaymentGateway>().AuthorizeAsync(new AuthorizationRequest("order-1", "order-1:0", PaymentMethods.Card, "tok_visa", new Money(10m, "USD")));

        Assert.Same(ledger, provider.GetRequiredService<ISimulatedPaymentLedger>());
        Assert.Equal(result.AuthorizationId, Assert.Single(await ledger.ListAuthorizationsAsync()).AuthorizationId);
    }

    [Fact]
    public async Task AddSimulatedAdapters_TakesTheGatewayLatencyFromConfiguration()
    {
        var clock = new FakeTimeProvider();
        using var provider = BuildProvider(new() { ["Commerce:Payment:GatewayLatency"] = "00:00:02" }, clock);
        var gateway = provider.GetRequiredService<IPaymentGateway>();

        var pending = gateway.AuthorizeAsync(new AuthorizationRequest("order-1", "order-1:0", PaymentMethods.Card, "tok_visa", new Money(10m, "USD")));
        clock.Advance(TimeSpan.FromSeconds(1));
        var completedEarly = pending.IsCompleted;
        clock.Advance(TimeSpan.FromSeconds(1));

        Assert.False(completedEarly);
        Assert.Equal(PaymentOutcome.Approved, (await pending).Outcome);
    }

    [Fact]
    public void AddSimulatedAdapters_NegativeGatewayLatency_FailsNamingTheSetting()
    {
        using var provider = BuildProvider(new() { ["Commerce:Payment:GatewayLatency"] = "-00:00:01" });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<SimulatedGatewayOptions>>().Value);

        Assert.Contains("Commerce:Payment:GatewayLatency must not be negative.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddSimulatedAdapters_NoGatewaySettings_WaitsTheDocumentedLatency()
    {
        using var provider = BuildProvider([]);

        Assert.Equal(TimeSpan.FromMilliseconds(150), provider.GetRequiredService<IOptions<SimulatedGatewayOptions>>().Value.GatewayLatency);
    }

    private static ServiceProvider BuildProvider(Dictionary<string, string?> settings, TimeProvider? clock = null, ISimulatedPaymentLedger? ledger = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        if (clock is not null)
            services.AddSingleton(clock);
        if (ledger is not null)
            services.AddSingleton(ledger);
        services.AddSimulatedAdapters(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
