using System.Text.Json.Nodes;
using AsyncCommerce.Adapters.Cosmos.Notifications;
using AsyncCommerce.Adapters.Cosmos.Orders;
using AsyncCommerce.Notifications;
using AsyncCommerce.Orders;
using Microsoft.Azure.Cosmos;

namespace AsyncCommerce.Adapters.Cosmos.Tests;

/// <summary>The documents through the serializer the client is configured with (System.Text.Json, the API's settings).</summary>
public sealed class CosmosJsonSerializationTests
{
    private static readonly DateTimeOffset At = new(2025, 1, 1, 9, 0, 0, TimeSpan.Zero);

    private readonly CosmosSerializer _serializer = CosmosClientFactory.ClientOptions(new CosmosOptions()).Serializer!;

    [Fact]
    public void ToStream_Document_WritesTheApisJsonCamelCaseWithEnumsAsTheirJsonNames()
    {
        var document = NotificationDocument.From(new NotificationRecord("order-1", NotificationKind.ReadyForPickup, NotificationChannel.Sms, "+1*******567", 4, At));

        var json = Json(document);

        Assert.Equal("4:sms", (string?)json["id"]);
        Assert.Equal("order-1", (string?)json["orderId"]);
        Assert.Equal("ReadyForPickup", (string?)json["kind"]);
        Assert.Equal("sms", (string?)json["channel"]);
        Assert.Equal(4, (int?)json["eventSequence"]);
    }

    [Fact]
    public void FromStream_OrderEventDocument_RoundTripsThePolymorphicEventData()
    {
        var ready = new ReadyForPickup("store-001", "483920", At, At.AddHours(72));
        var document = OrderEventDocument.From(new OrderEvent("order-1", 5, "evt-5", At, ready));

        var read = _serializer.FromStream<OrderEventDocument>(_serializer.ToStream(document));

        Assert.Equal("ReadyForPickup", (string?)Json(document)["data"]!["$type"]);
        Assert.Equal(new OrderEvent("order-1", 5, "evt-5", At, ready), read.ToEvent());
    }

    [Fact]
    public void FromStream_AskedForAStream_ReturnsTheStreamUnread()
    {
        using var stream = new MemoryStream([1, 2, 3]);

        Assert.Same(stream, _serializer.FromStream<Stream>(stream));
        Assert.Equal(0, stream.Position);
    }

    [Fact]
    public void FromStream_EmptyBody_ReturnsDefault()
    {
        Assert.Null(_serializer.FromStream<NotificationDocument>(new MemoryStream()));
    }

    private JsonObject Json<T>(T document)
    {
        using var stream = _serializer.ToStream(document);
        return JsonNode.Parse(stream)!.AsObject();
    }
}
