using System.Text.RegularExpressions;
using System.Xml;
using AsyncCommerce.Notifications;

namespace AsyncCommerce.Infra.Tests.Modules;

/// <summary>The Service Bus namespace, topic and subscriptions, named as in infra/azure-names.json.</summary>
[Collection(InfraCollection.Name)]
public sealed partial class MessagingTests(CompiledInfra infra)
{
    private const string Subscription = "Microsoft.ServiceBus/namespaces/topics/subscriptions";

    [Theory]
    [MemberData(nameof(CompiledInfra.Environments), MemberType = typeof(CompiledInfra))]
    public void ServiceBusNamespaces_HaveLocalAuthDisabled_AndTls12(string environment)
    {
        var namespaces = infra.Snapshot(environment).OfType("Microsoft.ServiceBus/namespaces");

        Assert.NotEmpty(namespaces);
        Assert.All(namespaces, ns =>
        {
            Assert.True(ns.Bool("properties.disableLocalAuth"), $"{ns} accepts SAS keys.");
            Assert.Equal("1.2", ns.String("properties.minimumTlsVersion"));
        });
    }

    [Theory]
    [MemberData(nameof(CompiledInfra.Environments), MemberType = typeof(CompiledInfra))]
    public void OrderEventsTopic_IsNamedAsInTheCode_AndDropsDuplicates(string environment)
    {
        var topic = infra.Snapshot(environment).Single("Microsoft.ServiceBus/namespaces/topics");

        Assert.Equal(infra.Names.OrderEventsTopic, topic.ShortName);
        Assert.True(topic.Bool("properties.requiresDuplicateDetection"));
        Assert.True(topic.Bool("properties.supportOrdering"));
    }

    [Theory]
    [MemberData(nameof(CompiledInfra.Environments), MemberType = typeof(CompiledInfra))]
    public void OrderEventsTopic_RemembersMessageIdsLongerThanTheChangeFeedTakesToRetryABatch(string environment)
    {
        var topic = infra.Snapshot(environment).Single("Microsoft.ServiceBus/namespaces/topics");

        // The change feed publisher re-sends a failed batch after its lease is taken again (seconds to a minute): a
        // repeat within the window is dropped on MessageId = event id; later ones reach the idempotent consumers.
        var window = XmlConvert.ToTimeSpan(topic.String("properties.duplicateDetectionHistoryTimeWindow")!);

        Assert.InRange(window, TimeSpan.FromMinutes(10), TimeSpan.FromDays(7));
    }

    [Theory]
    [MemberData(nameof(CompiledInfra.Environments), MemberType = typeof(CompiledInfra))]
    public void Subscriptions_AreOnePerNotificationChannel_WithSessionsDeadLetteringAndMaxDeliveryCount(string environment)
    {
        var snapshot = infra.Snapshot(environment);
        var topic = snapshot.Single("Microsoft.ServiceBus/namespaces/topics");
        var subscriptions = snapshot.OfType(Subscription);

        Assert.Equal(infra.Names.Subscriptions.Order(StringComparer.Ordinal), subscriptions.Select(s => s.ShortName).Order(StringComparer.Ordinal));
        Assert.All(subscriptions, subscription =>
        {
            Assert.Equal($"{topic.Name}/{subscription.ShortName}", subscription.Name);
            Assert.True(subscription.Bool("properties.requiresSession"), $"{subscription}: the publisher sets SessionId, the consumer takes sessions.");
            Assert.True(subscription.Bool("properties.deadLetteringOnMessageExpiration"));
            Assert.Equal(infra.Names.MaxDeliveryCount, subscription.Int("properties.maxDeliveryCount"));
        });
    }

    [Theory]
    [MemberData(nameof(CompiledInfra.Environments), MemberType = typeof(CompiledInfra))]
    public void SubscriptionFilters_PassExactlyTheNotifyingEventTypes(string environment)
    {
        var snapshot = infra.Snapshot(environment);
        var rules = snapshot.OfType("Microsoft.ServiceBus/namespaces/topics/subscriptions/rules");

        Assert.All(snapshot.OfType(Subscription), subscription =>
        {
            // One rule, replacing $Default: any other rule would be OR-ed with it and let every event through.
            var rule = Assert.Single(rules, r => r.Name.StartsWith(subscription.Name + "/", StringComparison.Ordinal));
            Assert.Equal("$Default", rule.ShortName);
            Assert.Equal("SqlFilter", rule.String("properties.filterType"));

            var filter = InFilter().Match(rule.String("properties.sqlFilter.sqlExpression") ?? "");
            Assert.True(filter.Success, $"{rule}: '{rule.String("properties.sqlFilter.sqlExpression")}' is not 'user.<property> IN (...)'.");
            Assert.Equal(infra.Names.EventTypeProperty, filter.Groups["property"].Value);
            var eventTypes = filter.Groups["value"].Captures.Select(c => c.Value).ToList();
            Assert.Equal(NotificationPlan.NotifyingEventTypes.Order(StringComparer.Ordinal), eventTypes.Order(StringComparer.Ordinal));
        });
    }

    [GeneratedRegex(@"^user\.(?<property>\w+) IN \('(?<value>\w+)'(?:, '(?<value>\w+)')*\)$")]
    private static partial Regex InFilter();
}
