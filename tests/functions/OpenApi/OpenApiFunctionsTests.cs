using System.Text.Json.Nodes;
using AsyncCommerce.Api;
using AsyncCommerce.Api.Authorization;
using AsyncCommerce.Api.OpenApi;
using AsyncCommerce.Functions.OpenApi;
using AsyncCommerce.Functions.Tests.Support;
using AsyncCommerce.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace AsyncCommerce.Functions.Tests.OpenApi;

/// <summary>GET /api/openapi/v1.json on the Functions app: the local host's document plus the function-key scheme.</summary>
public sealed class OpenApiFunctionsTests : IDisposable
{
    private readonly FunctionAppHarness _app = new();

    [Fact]
    public async Task GetOpenApiDocument_Served_IsJsonThatMicrosoftOpenApiReadsAndValidatesWithoutErrors()
    {
        var response = await ServeAsync();

        Assert.Equal(StatusCodes.Status200OK, response.StatusCode);
        Assert.StartsWith("application/json", response.ContentType, StringComparison.Ordinal);
        var read = OpenApiDocument.Parse(response.Body, "json");
        var errors = read.Diagnostic!.Errors.Select(e => $"read: {e}")
            .Concat(read.Document!.Validate(ValidationRuleSet.GetDefaultRuleSet())!.Select(e => $"rule: {e}"))
            .ToList();
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
    }

    [Fact]
    public async Task GetOpenApiDocument_KeyedRoutes_TakeTheFunctionKeyAsHeaderOrQuery_AndStaffRoutesTheBearerTokenToo()
    {
        var document = JsonNode.Parse((await ServeAsync()).Body)!;

        var schemes = document["components"]!["securitySchemes"]!;
        Assert.Equal(("apiKey", "header", "x-functions-key"), Scheme(schemes[FunctionKeySecurity.HeaderScheme]!));
        Assert.Equal(("apiKey", "query", "code"), Scheme(schemes[FunctionKeySecurity.QueryScheme]!));
        Assert.All(Operations(document), operation =>
        {
            var route = CommerceRoutes.All.Single(r => r.Name == operation["operationId"]!.GetValue<string>());
            var security = operation["security"]?.AsArray().Select(requirement => string.Join("+", requirement!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal)));
            string[] bearer = CommerceAccess.PolicyFor(route.Audience) is null ? [] : ["bearer"];
            string Requirement(string keyScheme) => string.Join("+", bearer.Append(keyScheme).Order(StringComparer.Ordinal));
            if (route.Audience == ApiAudience.Anonymous)
                Assert.Null(security);
            else
                Assert.Equal([Requirement(FunctionKeySecurity.HeaderScheme), Requirement(FunctionKeySecurity.QueryScheme)], security!);
        });
    }

    [Fact]
    public async Task GetOpenApiDocument_LessItsKeyScheme_IsTheDocumentTheLocalHostServes()
    {
        var functions = JsonNode.Parse((await ServeAsync()).Body)!;
        await using var localHost = new CommerceApp();
        var local = JsonNode.Parse((await localHost.CreateClient().GetContractAsync()).Json)!;

        foreach (var operation in Operations(functions).Concat(Operations(local)))
            operation.AsObject().Remove("security");
        functions["components"]!["securitySchemes"]!.AsObject().Remove(FunctionKeySecurity.HeaderScheme);
        functions["components"]!["securitySchemes"]!.AsObject().Remove(FunctionKeySecurity.QueryScheme);
        local.AsObject().Remove("servers");

        Assert.True(JsonNode.DeepEquals(local, functions), $"Local host:{Environment.NewLine}{local}{Environment.NewLine}Functions app:{Environment.NewLine}{functions}");
    }

    private async Task<ExecutedResponse> ServeAsync()
    {
        var request = _app.Request("GET", "/api/" + CommerceOpenApi.Route);
        return await (await _app.Functions<OpenApiFunctions>().GetOpenApiDocument(request)).ExecuteAsync(request);
    }

    private static (string?, string?, string?) Scheme(JsonNode scheme) =>
        (scheme["type"]?.GetValue<string>(), scheme["in"]?.GetValue<string>(), scheme["name"]?.GetValue<string>());

    private static List<JsonNode> Operations(JsonNode document) =>
        [.. document["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject().Select(operation => operation.Value!))];

    public void Dispose() => _app.Dispose();
}
