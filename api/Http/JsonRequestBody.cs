using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace AsyncCommerce.Api.Http;

/// <summary>
/// Reads a JSON body with the contract's checks in the contract's order: media type (415), size (413),
/// then syntax and types (400, keyed by JSON path). Handlers read bodies through this instead of model
/// binding so that every failure is a problem+json response, never an exception.
/// </summary>
public static class JsonRequestBody
{
    public static async Task<JsonBodyResult<T>> ReadAsync<T>(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.HasJsonContentType())
            return JsonBodyResult.Fail<T>(BodyRejected.UnsupportedMediaType());
        if (request.ContentLength > maxBytes)
            return JsonBodyResult.Fail<T>(BodyRejected.TooLarge(maxBytes));

        var body = await ReadLimitedAsync(request.Body, maxBytes, cancellationToken);
        if (body is null)
            return JsonBodyResult.Fail<T>(BodyRejected.TooLarge(maxBytes));
        if (body.Length == 0)
            return JsonBodyResult.Fail<T>(BodyRejected.Malformed("$", "A JSON body is required."));

        try
        {
            var value = JsonSerializer.Deserialize<T>(body, CommerceJsonDefaults.Options);
            return value is null
                ? JsonBodyResult.Fail<T>(BodyRejected.Malformed("$", "The body must be a JSON object."))
                : JsonBodyResult.Ok(value);
        }
        catch (JsonException error)
        {
            return JsonBodyResult.Fail<T>(BodyRejected.Malformed(ToContractPath(error.Path), Describe(error)));
        }
    }

    /// <summary>Null when the body is larger than <paramref name="maxBytes"/> (some clients send no Content-Length).</summary>
    private static async Task<byte[]?> ReadLimitedAsync(Stream body, int maxBytes, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(maxBytes + 1);
        try
        {
            var total = 0;
            int read;
            while ((read = await body.ReadAsync(buffer.AsMemory(total, maxBytes + 1 - total), cancellationToken)) > 0)
            {
                total += read;
                if (total > maxBytes)
                    return null;
            }

            return buffer.AsSpan(0, total).ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    // System.Text.Json reports "$.lines[0].quantity"; the contract keys errors as "lines[0].quantity".
    private static string ToContractPath(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "$" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;

    private static string Describe(JsonException error) =>
        error.Path is null or "$" ? "The body is not valid JSON." : "The value has the wrong type or is not valid JSON.";
}

public static class JsonBodyResult
{
    public static JsonBodyResult<T> Ok<T>(T value)
        where T : class => new(value, null);

    public static JsonBodyResult<T> Fail<T>(BodyRejected problem)
        where T : class => new(null, problem);
}

public sealed class JsonBodyResult<T>
    where T : class
{
    internal JsonBodyResult(T? value, BodyRejected? problem)
    {
        Value = value;
        Problem = problem;
    }

    public T? Value { get; }

    /// <summary>The response to send instead, when the body could not be read.</summary>
    public BodyRejected? Problem { get; }
}
