using System.Text;
using System.Text.Json.Nodes;
using AsyncCommerce.Notifications;

namespace AsyncCommerce.Adapters.ServiceBus.Tests;

public sealed class ServiceBusNamesTests
{
    [Fact]
    public void Load_FromTheEmbeddedNamesFile_MatchesTheServiceBusSectionOfInfra()
    {
        var section = JsonNode.Parse(File.ReadAllText(NamesFile()))!["serviceBus"]!;

        var names = ServiceBusNames.Load();

        Assert.Equal((string)section["orderEventsTopic"]!, names.OrderEventsTopic);
        Assert.Equal((string)section["eventTypeProperty"]!, names.EventTypeProperty);
        Assert.Equal((int)section["maxDeliveryCount"]!, names.MaxDeliveryCount);
        Assert.Equal((string)section["subscriptions"]!["email"]!, names.SubscriptionFor(NotificationChannel.Email));
        Assert.Equal((string)section["subscriptions"]!["sms"]!, names.SubscriptionFor(NotificationChannel.Sms));
    }

    [Fact]
    public void Parse_WhenAChannelHasNoSubscription_NamesTheChannel()
    {
        const string document = """
            { "serviceBus": { "orderEventsTopic": "t", "eventTypeProperty": "eventType", "subscriptions": { "email": "e" }, "maxDeliveryCount": 10 } }
            """;

        var failure = Assert.Throws<InvalidOperationException>(() => Parse(document));

        Assert.Contains("Sms", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_WhenANameIsMissing_SaysWhichOne()
    {
        const string document = """
            { "serviceBus": { "eventTypeProperty": "eventType", "subscriptions": { "email": "e", "sms": "s" }, "maxDeliveryCount": 10 } }
            """;

        var failure = Assert.Throws<InvalidOperationException>(() => Parse(document));

        Assert.Contains("orderEventsTopic", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_WithoutAServiceBusSection_Fails()
    {
        var failure = Assert.Throws<InvalidOperationException>(() => Parse("""{ "cosmos": {} }"""));

        Assert.Contains("serviceBus", failure.Message, StringComparison.Ordinal);
    }

    private static ServiceBusNames Parse(string document)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(document));
        return ServiceBusNames.Parse(stream);
    }

    private static string NamesFile()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "infra", "azure-names.json");
            if (File.Exists(candidate))
                return candidate;
        }

        throw new FileNotFoundException("infra/azure-names.json was not found above the test's output folder.");
    }
}
