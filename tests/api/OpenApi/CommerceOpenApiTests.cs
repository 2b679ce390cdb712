using System.Text.Json;
using System.Text.Json.Nodes;
using AsyncCommerce.Api.Authorization;
using AsyncCommerce.Api.Http;
using AsyncCommerce.Api.OpenApi;
using AsyncCommerce.Api.Tests.Support;
using AsyncCommerce.Orders;
using AsyncCommerce.Payments;
using AsyncCommerce.Testing;
using AsyncCommerce.Testing.Contract;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace AsyncCommerce.Api.Tests.OpenApi;

/// <summary>The served OpenAPI document itself: valid OpenAPI, and exact where the first version was not (issue 9).</summary>
public sealed class CommerceOpenApiTests(ServedDocument served) : IClassFixture<ServedDocument>
{
    private const string CheckoutRequest = "/components/schemas/CheckoutRequest";
    private const string OrderView = "/components/schemas/OrderView";

    private readonly ServedContract _contract = served.Contract;

    [Fact]
    public void Document_ReadAndValidatedByMicrosoftOpenApi_HasNoErrors()
    {
        var read = OpenApiDocument.Parse(_contract.Json, "json");

        var errors = read.Diagnostic!.Errors.Select(e => $"read: {e}")
            .Concat(read.Document!.Validate(ValidationRuleSet.GetDefaultRuleSet())!.Select(e => $"rule: {e}"))
            .ToList();
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
        Assert.Equal(OpenApiSpecVersion.OpenApi3_1, read.Diagnostic.SpecificationVersion);
    }

    [Fact]
    public void Document_Info_NamesTheApiWithADescriptionAndVersion()
    {
        var info = _contract.Document.GetProperty("info");

        Assert.Equal("AsyncCommerce API", info.GetProperty("title").GetString());
        Assert.Equal("1.0.0", info.GetProperty("version").GetString());
        Assert.Contains("problem+json", info.GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void CheckoutRequest_PickupWithoutAddressOrContact_IsValid()
    {
        var pickup = JsonNode.Parse(CheckoutBody.Pickup().With("contact", null).ToJson());

        Assert.Empty(_contract.Validate(CheckoutRequest, pickup));
    }

    [Fact]
    public void CheckoutRequest_DeliveryWithoutAddress_IsInvalid()
    {
        var delivery = JsonNode.Parse(CheckoutBody.Pickup().WithFulfillment(new JsonObject { ["type"] = "delivery", ["storeId"] = "store-001" }).ToJson());

        Assert.NotEmpty(_contract.Validate(CheckoutRequest, delivery));
    }

    [Fact]
    public void CheckoutRequest_RequiredMemberSentAsNull_IsInvalid()
    {
        var body = JsonNode.Parse(CheckoutBody.Pickup().ToJson())!;
        body["customerId"] = null;

        Assert.NotEmpty(_contract.Validate(CheckoutRequest, body));
    }

    [Fact]
    public void CheckoutRequest_QuantityAboveTheLimit_IsInvalid()
    {
        var body = JsonNode.Parse(CheckoutBody.Pickup().WithLines(("SKU-1001", 101)).ToJson());

        Assert.NotEmpty(_contract.Validate(CheckoutRequest, body));
    }

    [Fact]
    public void OrderView_OpenPickupOrderWithoutReasonOrPickup_IsValid()
    {
        var view = Order(new Fulfillment(FulfillmentType.Pickup, "store-001", null), statusReason: null, pickup: null);

        Assert.Empty(_contract.Validate(OrderView, view));
    }

    [Fact]
    public void OrderView_RejectedDeliveryOrderWithReason_IsValid()
    {
        var address = new Address("1 Main St", "Springfield", "12345", "US");
        var view = Order(new Fulfillment(FulfillmentType.Delivery, null, address), StatusReason.OutOfStock, pickup: null);

        Assert.Empty(_contract.Validate(OrderView, view));
    }

    [Fact]
    public void OrderView_ReadyPickupOrder_IsValid()
    {
        var now = DateTimeOffset.UtcNow;
        var view = Order(new Fulfillment(FulfillmentType.Pickup, "store-001", null), null, new PickupView("store-001", "123456", now, now.AddDays(3)));

        Assert.Empty(_contract.Validate(OrderView, view));
    }

    [Fact]
    public void OrderView_PickupSentAsNull_IsInvalid()
    {
        var view = Order(new Fulfillment(FulfillmentType.Pickup, "store-001", null), null, null)!.AsObject();
        view["pickup"] = null;

        Assert.NotEmpty(_contract.Validate(OrderView, view));
    }

    [Fact]
    public void Enums_EverySchema_IsAStringEnumWithoutNull()
    {
        var enums = Schemas().Where(s => s.Value.TryGetProperty("enum", out _)).ToList();

        Assert.NotEmpty(enums);
        Assert.All(enums, schema =>
        {
            Assert.Equal("string", schema.Value.GetProperty("type").GetString());
            Assert.DoesNotContain(schema.Value.GetProperty("enum").EnumerateArray(), value => value.ValueKind == JsonValueKind.Null);
        });
    }

    [Fact]
    public void Operations_EveryErrorResponse_IsProblemJson()
    {
        var errors = Operations()
            .SelectMany(o => o.Operation.GetProperty("responses").EnumerateObject().Select(r => (o.Name, Status: r.Name, Response: r.Value)))
            .Where(r => int.Parse(r.Status, System.Globalization.CultureInfo.InvariantCulture) >= 400)

            // The health report is the body of its 503: monitors read which check failed.
            .Where(r => !(r.Name == CommerceRoutes.GetHealth.Name && r.Status == "503"))
            .ToList();

        Assert.All(errors, r => Assert.True(
            r.Response.GetProperty("content").TryGetProperty(ProblemResponse.ContentType, out _),
            $"{r.Name} {r.Status} is not problem+json"));
    }

    [Fact]
    public void Operations_Every_DocumentsTheUnexpectedError()
    {
        Assert.All(Operations(), o => Assert.True(o.Operation.GetProperty("responses").TryGetProperty("500", out _), $"{o.Name} has no 500"));
    }

    [Fact]
    public void Operations_BearerToken_IsRequiredOnExactlyTheStaffAndAdministrationRoutes_WithTheir401And403()
    {
        var guarded = CommerceRoutes.All.Where(r => CommerceAccess.PolicyFor(r.Audience) is not null).Select(r => r.Name).Order(StringComparer.Ordinal).ToList();

        var secured = Operations().Where(o => o.Operation.TryGetProperty("security", out _)).ToList();

        Assert.Equal(guarded, secured.Select(o => o.Name).Order(StringComparer.Ordinal));
        Assert.All(secured, o =>
        {
            var requirement = Assert.Single(o.Operation.GetProperty("security").EnumerateArray());
            Assert.Equal(["bearer"], requirement.EnumerateObject().Select(p => p.Name));
            Assert.True(o.Operation.GetProperty("responses").TryGetProperty("401", out _), $"{o.Name} has no 401");
            Assert.True(o.Operation.GetProperty("responses").TryGetProperty("403", out _), $"{o.Name} has no 403");
        });
        Assert.All(Operations().Except(secured), o => Assert.False(o.Operation.GetProperty("responses").TryGetProperty("401", out _), $"{o.Name} documents a 401"));
        var scheme = _contract.Document.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer");
        Assert.Equal("http", scheme.GetProperty("type").GetString());
        Assert.Equal("bearer", scheme.GetProperty("scheme").GetString());
    }

    [Fact]
    public void AcceptCheckout_Document_HasTheIdempotencyKeyAndTheAcceptedHeaders()
    {
        var operation = Operation(CommerceRoutes.AcceptCheckout);

        var key = Assert.Single(operation.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "Idempotency-Key");
        Assert.Equal("header", key.GetProperty("in").GetString());
        Assert.True(key.GetProperty("required").GetBoolean());
        var headers = operation.GetProperty("responses").GetProperty("202").GetProperty("headers");
        Assert.True(headers.GetProperty("Location").GetProperty("required").GetBoolean());
        Assert.True(headers.TryGetProperty("Retry-After", out _));
        Assert.True(headers.TryGetProperty("Idempotent-Replayed", out _));
    }

    [Fact]
    public void GetCheckout_Document_HasTheConditionalLongPoll()
    {
        var operation = Operation(CommerceRoutes.GetCheckout);

        var headers = operation.GetProperty("parameters").EnumerateArray().Where(p => p.GetProperty("in").GetString() == "header").Select(p => p.GetProperty("name").GetString());
        Assert.Equal(["If-None-Match", "Prefer"], headers.Order(StringComparer.Ordinal));
        var responses = operation.GetProperty("responses");
        Assert.True(responses.GetProperty("200").GetProperty("headers").GetProperty("ETag").GetProperty("required").GetBoolean());
        Assert.True(responses.GetProperty("304").GetProperty("headers").GetProperty("ETag").GetProperty("required").GetBoolean());
        Assert.False(responses.GetProperty("304").TryGetProperty("content", out _));
    }

    [Theory]
    [InlineData(nameof(CommerceRoutes.AddPaymentMethod))]
    [InlineData(nameof(CommerceRoutes.CancelCheckout))]
    [InlineData(nameof(CommerceRoutes.MarkPickupReady))]
    [InlineData(nameof(CommerceRoutes.CollectPickup))]
    public void ChangeRoutes_Accepted_CarriesLocation(string routeName)
    {
        var route = CommerceRoutes.All.Single(r => r.Name == routeName);

        var headers = Operation(route).GetProperty("responses").GetProperty("202").GetProperty("headers");

        Assert.True(headers.GetProperty("Location").GetProperty("required").GetBoolean());
    }

    [Fact]
    public void RequestExamples_Every_MatchesItsSchema()
    {
        var examples = Operations()
            .Where(o => o.Operation.TryGetProperty("requestBody", out _))
            .SelectMany(o => o.Operation.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("examples").EnumerateObject()
                .Select(e => (o.Pointer, Example: e.Name, Value: JsonNode.Parse(e.Value.GetProperty("value").GetRawText()))))
            .ToList();

        Assert.Equal(6, examples.Count);
        Assert.All(examples, e => Assert.True(
            _contract.Validate($"{e.Pointer}/requestBody/content/application~1json/schema", e.Value).Count == 0,
            $"{e.Pointer} example {e.Example}: {string.Join("; ", _contract.Validate($"{e.Pointer}/requestBody/content/application~1json/schema", e.Value))}"));
    }

    private static JsonNode? Order(Fulfillment fulfillment, StatusReason? statusReason, PickupView? pickup)
    {
        var now = DateTimeOffset.UtcNow;
        var view = new OrderView(
            "ord_1",
            statusReason is null ? OrderStatus.Confirmed : OrderStatus.Rejected,
            statusReason,
            "cust-42",
            fulfillment,
            [new OrderLine("SKU-1001", 1, 129.99m, 129.99m)],
            new Money(129.99m, "USD"),
            new PaymentView(PaymentStatus.Pending, null, [new PaymentAttemptView("card", PaymentOutcome.Declined, "card_declined")]),
            pickup,
            3,
            now,
            now);
        return JsonSerializer.SerializeToNode(view, CommerceJson.Options);
    }

    private JsonElement.ObjectEnumerator Schemas() => _contract.Document.GetProperty("components").GetProperty("schemas").EnumerateObject();

    private List<(string Name, string Pointer, JsonElement Operation)> Operations() =>
        [.. _contract.Document.GetProperty("paths").EnumerateObject().SelectMany(path => path.Value.EnumerateObject().Select(operation => (
            operation.Value.GetProperty("operationId").GetString()!,
            $"/paths/{path.Name.Replace("/", "~1", StringComparison.Ordinal)}/{operation.Name}",
            operation.Value)))];

    private JsonElement Operation(ApiRoute route) => Operations().Single(o => o.Name == route.Name).Operation;
}
