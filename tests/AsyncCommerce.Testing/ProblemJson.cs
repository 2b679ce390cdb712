using System.Net;
using System.Text.Json;
using Xunit;

namespace AsyncCommerce.Testing;

/// <summary>Asserts the RFC 9457 problem responses of API.md: <c>type</c>, <c>title</c>, <c>status</c>, <c>detail</c>, and <c>errors</c> for validation.</summary>
public static class ProblemJson
{
    public const string MediaType = "application/problem+json";

    /// <summary>
    /// Asserts a problem+json response with <paramref name="status"/> and every member the contract names; returns
    /// its body. <paramref name="requireDetail"/> false leaves <c>detail</c> out, for a test that checks it on its own.
    /// </summary>
    public static async Task<JsonElement> AssertProblemAsync(this HttpResponseMessage response, HttpStatusCode status, bool requireDetail = true)
    {
        ArgumentNullException.ThrowIfNull(response);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {(int)status} {status}, got {(int)response.StatusCode} {response.StatusCode}: {text}");
        Assert.True(response.Content.Headers.ContentType?.MediaType == MediaType, $"Expected Content-Type {MediaType}, got '{response.Content.Headers.ContentType}': {text}");

        using var document = JsonDocument.Parse(text);
        var problem = document.RootElement.Clone();
        AssertText(problem, "type", text);
        AssertText(problem, "title", text);
        if (requireDetail)
            AssertText(problem, "detail", text);
        Assert.True(
            problem.TryGetProperty("status", out var statusMember) && statusMember.ValueKind == JsonValueKind.Number && statusMember.GetInt32() == (int)status,
            $"The problem's status member must be {(int)status}: {text}");
        return problem;
    }

    /// <summary>Asserts a 400 validation problem whose <c>errors</c> are keyed by exactly <paramref name="paths"/>, each with a message.</summary>
    public static async Task<IReadOnlyDictionary<string, string[]>> AssertValidationProblemAsync(this HttpResponseMessage response, params string[] paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object, $"A validation problem needs an errors object: {problem}");

        var byPath = errors.Deserialize<Dictionary<string, string[]>>()!;
        Assert.Equal(paths.Order(StringComparer.Ordinal), byPath.Keys.Order(StringComparer.Ordinal));
        Assert.All(byPath, entry => Assert.True(entry.Value.Length > 0 && entry.Value.All(m => !string.IsNullOrWhiteSpace(m)), $"errors[{entry.Key}] needs a message"));
        return byPath;
    }

    private static void AssertText(JsonElement problem, string member, string text) =>
        Assert.True(
            problem.TryGetProperty(member, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString()),
            $"The problem needs a non-empty '{member}': {text}");
}
