using System.Text.Json;
using AsyncCommerce.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace AsyncCommerce.Functions.Tests.Http;

public sealed class UnhandledErrorMiddlewareTests
{
    [Fact]
    public async Task Invoke_HttpTriggerThrows_AnswersProblemJson500WithoutTheExceptionMessage()
    {
        var http = NewHttpContext();
        var context = FunctionContextWith(http);
        var middleware = new UnhandledErrorMiddleware(NullLogger<UnhandledErrorMiddleware>.Instance);

        await middleware.Invoke(context, _ => throw new InvalidOperationException("secret internals"));

        Assert.Equal(StatusCodes.Status500InternalServerError, http.Response.StatusCode);
        Assert.StartsWith("application/problem+json", http.Response.ContentType, StringComparison.Ordinal);
        var body = await ReadBodyAsync(http);
        Assert.Equal(500, body.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("detail").GetString()));
        Assert.DoesNotContain("secret internals", body.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_FunctionWithoutHttpContextThrows_LetsTheExceptionThrough()
    {
        var context = FunctionContextWith(http: null);
        var middleware = new UnhandledErrorMiddleware(NullLogger<UnhandledErrorMiddleware>.Instance);

        await Assert.ThrowsAsync<InvalidOperationException>(() => middleware.Invoke(context, _ => throw new InvalidOperationException("activity failed")));
    }

    [Fact]
    public async Task Invoke_HttpTriggerSucceeds_LeavesTheResponseAlone()
    {
        var http = NewHttpContext();
        var context = FunctionContextWith(http);
        var middleware = new UnhandledErrorMiddleware(NullLogger<UnhandledErrorMiddleware>.Instance);

        await middleware.Invoke(context, _ =>
        {
            http.Response.StatusCode = StatusCodes.Status202Accepted;
            return Task.CompletedTask;
        });

        Assert.Equal(StatusCodes.Status202Accepted, http.Response.StatusCode);
    }

    private static DefaultHttpContext NewHttpContext() => new()
    {
        RequestServices = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider(),
        Response = { Body = new MemoryStream() },
    };

    private static FunctionContext FunctionContextWith(HttpContext? http)
    {
        // The ASP.NET Core integration keeps the request's HttpContext in the function context's items under this key.
        var items = new Dictionary<object, object>();
        if (http is not null)
            items["HttpRequestContext"] = http;
        var definition = new Mock<FunctionDefinition>();
        definition.SetupGet(d => d.Name).Returns("AcceptCheckout");
        var context = new Mock<FunctionContext>();
        context.SetupGet(c => c.Items).Returns(items);
        context.SetupGet(c => c.FunctionDefinition).Returns(definition.Object);
        return context.Object;
    }

    private static async Task<JsonElement> ReadBodyAsync(HttpContext http)
    {
        http.Response.Body.Position = 0;
        using var document = await JsonDocument.ParseAsync(http.Response.Body);
        return document.RootElement.Clone();
    }
}
