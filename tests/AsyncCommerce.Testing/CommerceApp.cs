using AsyncCommerce.Adapters.InMemory.Messaging;
using AsyncCommerce.Orders;
using AsyncCommerce.Testing.Contract;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AsyncCommerce.Testing;

/// <summary>
/// The real local host (HTTP pipeline, embedded Durable Task engine, in-memory adapters) in the test process,
/// with durations short enough for tests and a test signing key for bearer tokens (<see cref="TestTokens"/>). Override
/// any setting by its configuration key. Every request and response
/// through it is checked against the host's OpenAPI document (<see cref="ContractChecking"/>).
/// </summary>
public sealed class CommerceApp : WebApplicationFactory<Program>
{
    public static IReadOnlyDictionary<string, string?> FastSettings { get; } = new Dictionary<string, string?>
    {
        ["Commerce:Payment:GatewayLatency"] = "00:00:00.002",
        ["Commerce:Payment:RetryFirstInterval"] = "00:00:00.050",
        ["Commerce:Payment:RetryMaxInterval"] = "00:00:00.200",
        ["Commerce:Payment:AwaitPaymentMethodTimeout"] = "00:01:00",
        ["Commerce:Pickup:PreparationDeadline"] = "01:00:00",
        ["Commerce:Pickup:Window"] = "02:00:00",
        ["Commerce:Pickup:ReminderBeforeExpiry"] = "01:00:00",
        ["Commerce:Checkout:DuplicateWait"] = "00:00:10",

        // Each test starts its own host: serving at once matters more than serving warm.
        ["Commerce:Warmup:Orders"] = "0",
    }.Concat(TestTokens.Settings).ToDictionary();

    private readonly Dictionary<string, string?> _settings;

    public CommerceApp(IReadOnlyDictionary<string, string?>? overrides = null)
    {
        _settings = new Dictionary<string, string?>(FastSettings);
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
            _settings[key] = value;
    }

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    public DurableTaskClient Workflows => Get<DurableTaskClient>();

    /// <summary>
    /// Completes when every recorded order event has been published from the outbox and handled by the notification
    /// consumer. The outbox is drained first: once nothing is pending, everything recorded is on the bus.
    /// </summary>
    public async Task NotificationsSettledAsync(CancellationToken cancellationToken = default)
    {
        await Eventually.UntilAsync(() => Get<IOrderEventOutbox>().ListPendingAsync(1, cancellationToken), pending => pending.Count == 0, "the outbox to be drained");
        await Get<InProcessMessageBus>().WaitForIdleAsync(cancellationToken);
    }

    /// <summary>Clients act as an operator (staff of every store, every role: <see cref="TestTokens.Operator"/>); <see cref="TestTokens.WithToken"/> changes it.</summary>
    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        client.WithToken(TestTokens.Operator);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in _settings)
            builder.UseSetting(key, value);
        builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(_settings));
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));

        // Every exchange a test makes is held to the OpenAPI document the host serves.
        builder.ConfigureServices(ContractChecking.AddTo);
    }
}
