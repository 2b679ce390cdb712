using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AsyncCommerce.Api.Checkout;
using AsyncCommerce.Testing;

namespace AsyncCommerce.Api.Tests.Http;

/// <summary>
/// How every route with a JSON body reads it: media type (415), size (413), then syntax and types (400 keyed by
/// JSON path), each as problem+json. The routes are called with a valid Idempotency-Key and ids that need no
/// setup, because the body is judged before anything else.
/// </summary>
public sealed class JsonRequestBodyTests
{
    private const string InventoryLevel = "/api/inventory/SKU-1001/store-001";

    public static TheoryData<string, string> JsonRoutes { get; } = new()
    {
        { "POST", "/api/checkouts" },
        { "POST", "/api/checkouts/ord_does_not_exist/payments" },
        { "POST", "/api/stores/store-001/pickups/ord_does_not_exist/collect" },
        { "PUT", InventoryLevel },
    };

    [Theory]
    [MemberData(nameof(JsonRoutes))]
    public async Task TextPlainBody_AnyJsonRoute_Returns415ProblemJson(string method, string path)
    {
        await using var app = new CommerceApp();

        using var response = await SendAsync(app.CreateClient(), method, path, Text("{}", "text/plain"));

        await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType, requireDetail: false);
    }

    [Theory]
    [MemberData(nameof(JsonRoutes))]
    public async Task TextPlainBody_AnyJsonRoute_ProblemHasDetail(string method, string path)
    {
        await using var app = new CommerceApp();

        using var response = await SendAsync(app.CreateClient(), method, path, Text("{}", "text/plain"));

        await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [Theory]
    [MemberData(nameof(JsonRoutes))]
    public async Task BodyWithoutContentType_AnyJsonRoute_Returns415Problem(string method, string path)
    {
        await using var app = new CommerceApp();

        using var response = await SendAsync(app.CreateClient(), method, path, new ByteArrayContent("{}"u8.ToArray()));

        await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [Theory]
    [MemberData(nameof(JsonRoutes))]
    public async Task MalformedJson_AnyJsonRoute_Returns400KeyedByRoot(string method, string path)
    {
        await using var app = new CommerceApp();

        using var response = await SendAsync(app.CreateClient(), method, path, Text("{ this is not json"));

        await response.AssertValidationProblemAsync("$");
    }

    [Theory]
    [MemberData(nameof(JsonRoutes))]
    public async Task EmptyBody_AnyJsonRoute_Returns400KeyedByRoot(string method, string path)
    {
        await using var app = new CommerceApp();

        using var response = await SendAsync(app.CreateClient(), method, path, Text(string.Empty));

        await response.AssertValidationProblemAsync("$");
    }

    [Theory]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("42")]
    public async Task BodyThatIsNotAnObject_Returns400KeyedByRoot(string json)
    {
        await using var app = new CommerceApp();

        using var response = await SendAsync(app.CreateClient(), "PUT", InventoryLevel, Text(json));

        await response.AssertValidationProblemAsync("$");
    }

    [Fact]
    public async Task MemberOfTheWrongType_Returns400KeyedByItsContractPath()
    {
        await using var app = new CommerceApp();
        var body = CheckoutBody.Pickup().WithValue("many", "lines", 0, "quantity").ToJson();

        using var response = await SendAsync(app.CreateClient(), "POST", "/api/checkouts", Text(body));

        await response.AssertValidationProblemAsync("lines[0].quantity");
    }

    [Fact]
    public async Task BodyOverTheLimit_WithContentLength_Returns413()
    {
        await using var app = new CommerceApp();
        var json = $$"""{ "onHand": 5, "note": "{{new string('x', 2048)}}" }""";

        using var response = await SendAsync(app.CreateClient(), "PUT", InventoryLevel, Text(json));

        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task BodyOverTheLimit_WithoutContentLength_Returns413()
    {
        await using var app = new CommerceApp();
        var json = $$"""{ "onHand": 5, "note": "{{new string('x', 2048)}}" }""";

        using var response = await SendAsync(app.CreateClient(), "PUT", InventoryLevel, new UnsizedJsonContent(json));

        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task CheckoutOver64KiB_WithoutContentLength_Returns413()
    {
        await using var app = new CommerceApp();
        var json = CheckoutBody.Pickup().With("padding", new string('x', 64 * 1024)).ToJson();

        using var response = await SendAsync(app.CreateClient(), "POST", "/api/checkouts", new UnsizedJsonContent(json));

        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task BodyUnderTheLimit_WithoutContentLength_IsRead()
    {
        await using var app = new CommerceApp();

        using var response = await SendAsync(app.CreateClient(), "PUT", InventoryLevel, new UnsizedJsonContent("""{ "onHand": 30 }"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(30, (await app.CreateClient().GetInventoryAsync("SKU-1001")).Locations.Single(l => l.LocationId == "store-001").OnHand);
    }

    private static StringContent Text(string body, string mediaType = "application/json") => new(body, Encoding.UTF8, mediaType);

    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, string method, string path, HttpContent content)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = content };
        request.Headers.Add(IdempotencyKey.Header, CommerceHttp.NewKey());
        return await http.SendAsync(request);
    }

    /// <summary>A JSON body sent without Content-Length (chunked), as some clients do.</summary>
    private sealed class UnsizedJsonContent : HttpContent
    {
        private readonly byte[] _bytes;

        public UnsizedJsonContent(string json)
        {
            _bytes = Encoding.UTF8.GetBytes(json);
            Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(_bytes).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
