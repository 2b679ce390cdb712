using System.Text.Json;

namespace AsyncCommerce.Benchmarks.CheckoutThroughput.Load.Api;

/// <summary>Names what went wrong with a call, by kind rather than instance: the status and problem type, or the exception.</summary>
internal static class CallFailure
{
    public static async Task<string> DescribeAsync(string operation, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        var status = (int)response.StatusCode;
        var problem = await ProblemTypeAsync(response, cancellationToken);
        return problem is null ? $"{operation}: HTTP {status} {response.StatusCode}" : $"{operation}: HTTP {status} {problem}";
    }

    public static string Describe(string operation, Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error switch
        {
            TaskCanceledException => $"{operation}: timed out",
            HttpRequestException { HttpRequestError: var kind } => $"{operation}: {kind}",
            _ => $"{operation}: {error.GetType().Name}",
        };
    }

    // RFC 9457: the type names the problem; the title says it for a type of about:blank.
    private static async Task<string?> ProblemTypeAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentType?.MediaType is not ("application/problem+json" or "application/json"))
            return null;
        try
        {
            using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            var root = document.RootElement;
            var title = root.TryGetProperty("title", out var t) ? t.GetString() : null;
            var type = root.TryGetProperty("type", out var ty) ? ty.GetString() : null;
            return title is null ? type : $"{title} ({type})";
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
