namespace AsyncCommerce.Testing.Contract;

/// <summary>One request and its response as they crossed the wire, named by the route template the document lists them under.</summary>
/// <param name="Route">The path as the document keys it, e.g. <c>/api/checkouts/{orderId}</c>.</param>
public sealed record HttpExchange(
    string Method,
    string Route,
    IReadOnlyDictionary<string, string> RequestHeaders,
    string RequestBody,
    int Status,
    IReadOnlyDictionary<string, string> ResponseHeaders,
    string ResponseBody);
