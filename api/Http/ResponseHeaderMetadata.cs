namespace AsyncCommerce.Api.Http;

/// <summary>
/// Endpoint metadata: a header that responses with <paramref name="StatusCode"/> carry. The result type that writes a
/// header declares it here, so the OpenAPI document lists exactly the headers the code sends.
/// </summary>
/// <param name="Type">The JSON Schema type of the value: <c>string</c> or <c>integer</c>.</param>
/// <param name="Required">False for a header sent only in some cases (a replay, say).</param>
public sealed record ResponseHeaderMetadata(int StatusCode, string Name, string Description, string Type = "string", bool Required = true);
