using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace AsyncCommerce.Testing.Contract;

/// <summary>
/// The OpenAPI document a host serves, used to judge what crosses the wire: a response must be one the operation
/// documents (status, media type, body schema, required headers), and a request the host accepted (2xx) must be
/// one the document allows, so that the document is neither stricter nor looser than the code where it matters.
/// Schemas are checked with JsonSchema.Net: OpenAPI 3.1 schemas are JSON Schema 2020-12.
/// </summary>
public sealed class ServedContract
{
    private static readonly Uri DocumentUri = new("https://contract.asynccommerce.test/openapi/v1.json");
    private static readonly ConcurrentDictionary<string, ServedContract> Parsed = new(StringComparer.Ordinal);

    private readonly BuildOptions _build;
    private readonly ConcurrentDictionary<string, JsonSchema> _schemas = new(StringComparer.Ordinal);

    // One document serves every test of the run, and tests run in parallel: resolving a $ref into the registered
    // document is not safe from two threads at once (seen as "Could not resolve" for a pointer that exists).
    private readonly Lock _evaluation = new();

    private ServedContract(string json)
    {
        Json = json;
        Document = JsonDocument.Parse(json).RootElement.Clone();
        var registry = new SchemaRegistry();
        registry.Register(new JsonElementBaseDocument(Document, DocumentUri));
        // OpenAPI adds its own keywords (discriminator, example) to JSON Schema; they annotate and do not validate.
        _build = new BuildOptions { SchemaRegistry = registry, Dialect = Dialect.Draft202012.With([], allowUnknownKeywords: true) };
    }

    public string Json { get; }

    public JsonElement Document { get; }

    /// <summary>The same text parses once per test run, however many hosts serve it.</summary>
    public static ServedContract From(string json) => Parsed.GetOrAdd(json, text => new ServedContract(text));

    /// <summary>Every way <paramref name="exchange"/> departs from the document; empty when it conforms.</summary>
    public IReadOnlyList<string> Check(HttpExchange exchange)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        var method = exchange.Method.ToLowerInvariant();
        var operationPointer = $"/paths/{Escape(exchange.Route)}/{method}";
        if (!TryResolve(operationPointer, out var operation))
            return [$"{exchange.Method} {exchange.Route} is not in the document"];

        var violations = new List<string>();
        CheckResponse(exchange, operation, operationPointer, violations);
        if (exchange.Status is >= 200 and < 300)
            CheckRequest(exchange, operation, operationPointer, violations);
        return [.. violations.Select(v => $"{exchange.Method} {exchange.Route} -> {exchange.Status}: {v}")];
    }

    /// <summary>Problems of <paramref name="instance"/> against the schema at <paramref name="schemaPointer"/> (a JSON pointer into the document).</summary>
    public IReadOnlyList<string> Validate(string schemaPointer, JsonNode? instance)
    {
        using var document = JsonDocument.Parse(instance?.ToJsonString() ?? "null");
        EvaluationResults result;
        lock (_evaluation)
        {
            var schema = _schemas.GetOrAdd(schemaPointer, pointer => JsonSchema.FromText(
                new JsonObject { ["$ref"] = $"{DocumentUri}#{UriFragment(pointer)}" }.ToJsonString(),
                _build,
                new Uri($"https://contract.asynccommerce.test/check/{_schemas.Count}/{Guid.NewGuid():N}")));
            result = schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        }

        if (result.IsValid)
            return [];
        var errors = (result.Details ?? []).Prepend(result)
            .Where(node => node.Errors is { Count: > 0 })
            .SelectMany(node => node.Errors!.Select(error => $"{node.InstanceLocation} ({node.EvaluationPath}): {error.Value}"))
            .Distinct()
            .ToList();
        return errors.Count > 0 ? errors : ["does not match the schema"];
    }

    private void CheckResponse(HttpExchange exchange, JsonElement operation, string operationPointer, List<string> violations)
    {
        var status = exchange.Status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!operation.TryGetProperty("responses", out var responses) || !responses.TryGetProperty(status, out var response))
        {
            violations.Add($"status {status} is not documented");
            return;
        }

        var responsePointer = $"{operationPointer}/responses/{status}";
        foreach (var header in RequiredHeaders(response))
        {
            if (!exchange.ResponseHeaders.ContainsKey(header))
                violations.Add($"response header {header} is documented as required but was not sent");
        }

        var documented = response.TryGetProperty("content", out var content) ? content : default;
        if (exchange.ResponseBody.Length == 0)
        {
            if (documented.ValueKind == JsonValueKind.Object && documented.EnumerateObject().Any())
                violations.Add("the body is empty, the document promises content");
            return;
        }

        var mediaType = MediaType(exchange.ResponseHeaders.GetValueOrDefault("Content-Type"));
        if (documented.ValueKind != JsonValueKind.Object || !documented.TryGetProperty(mediaType, out _))
        {
            violations.Add($"content type '{mediaType}' is not documented");
            return;
        }

        violations.AddRange(ValidateBody($"{responsePointer}/content/{Escape(mediaType)}/schema", exchange.ResponseBody, "response"));
    }

    private void CheckRequest(HttpExchange exchange, JsonElement operation, string operationPointer, List<string> violations)
    {
        if (operation.TryGetProperty("parameters", out var parameters))
        {
            var index = 0;
            foreach (var parameter in parameters.EnumerateArray())
                CheckHeaderParameter(exchange, parameter, $"{operationPointer}/parameters/{index++}/schema", violations);
        }

        if (!operation.TryGetProperty("requestBody", out var body) || !body.TryGetProperty("content", out var content))
            return;
        var mediaType = MediaType(exchange.RequestHeaders.GetValueOrDefault("Content-Type"));
        if (!content.TryGetProperty(mediaType, out _))
        {
            violations.Add($"the host accepted a request body of type '{mediaType}', which the document does not list");
            return;
        }

        violations.AddRange(ValidateBody($"{operationPointer}/requestBody/content/{Escape(mediaType)}/schema", exchange.RequestBody, "accepted request"));
    }

    private void CheckHeaderParameter(HttpExchange exchange, JsonElement parameter, string schemaPointer, List<string> violations)
    {
        if (parameter.GetProperty("in").GetString() != "header")
            return;
        var name = parameter.GetProperty("name").GetString()!;
        var required = parameter.TryGetProperty("required", out var flag) && flag.GetBoolean();
        if (!exchange.RequestHeaders.TryGetValue(name, out var value))
        {
            if (required)
                violations.Add($"the host accepted a request without the required header {name}");
            return;
        }

        violations.AddRange(Validate(schemaPointer, JsonValue.Create(value)).Select(e => $"accepted request header {name}: {e}"));
    }

    private IEnumerable<string> ValidateBody(string schemaPointer, string body, string what)
    {
        JsonNode? instance;
        try
        {
            instance = JsonNode.Parse(body);
        }
        catch (JsonException error)
        {
            return [$"the {what} body is not JSON: {error.Message}"];
        }

        return Validate(schemaPointer, instance).Select(e => $"{what} body {e}");
    }

    private static IEnumerable<string> RequiredHeaders(JsonElement response) =>
        response.TryGetProperty("headers", out var headers)
            ? headers.EnumerateObject().Where(h => h.Value.TryGetProperty("required", out var r) && r.GetBoolean()).Select(h => h.Name)
            : [];

    private bool TryResolve(string pointer, out JsonElement element)
    {
        element = Document;
        foreach (var segment in pointer.Split('/').Skip(1))
        {
            var name = segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element))
                return false;
        }

        return true;
    }

    // A pointer in a URI fragment is percent-encoded: route templates have braces, media types a plus.
    private static string UriFragment(string pointer) => string.Join('/', pointer.Split('/').Select(Uri.EscapeDataString));

    private static string MediaType(string? contentType) => contentType?.Split(';')[0].Trim().ToLowerInvariant() ?? "";

    private static string Escape(string segment) => segment.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
}
