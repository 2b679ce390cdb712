using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AsyncCommerce.Testing.Contract;

/// <summary>
/// The contact details the tests send (<see cref="CheckoutBody"/>'s, and any other a checkout of the host carried), and
/// where a response shows one of them unmasked. <see cref="ContractChecking"/> asks this of every API response, so a
/// new route that leaks one fails whichever test calls it.
/// </summary>
public sealed class ContactLeaks
{
    private readonly ConcurrentDictionary<string, bool> _sent = new(StringComparer.OrdinalIgnoreCase)
    {
        [CheckoutBody.Email] = true,
        [CheckoutBody.Phone] = true,
    };

    /// <summary>Remembers the contact of a checkout request body (anything else is ignored).</summary>
    public void Learn(string requestBody)
    {
        if (Parse(requestBody) is not JsonObject body || body["contact"] is not JsonObject contact)
            return;
        foreach (var member in new[] { "email", "phone" })
        {
            if (contact[member] is JsonValue value && value.TryGetValue<string>(out var text) && text.Trim().Length > 3)
                _sent.TryAdd(text.Trim(), true);
        }
    }

    /// <summary>The sent contact details <paramref name="responseBody"/> shows, as written or after JSON unescaping (<c>\u002B</c> for <c>+</c>).</summary>
    public IReadOnlyList<string> Find(string responseBody)
    {
        ArgumentNullException.ThrowIfNull(responseBody);
        var strings = Parse(responseBody) is { } json ? Strings(json).ToList() : [];
        return [.. _sent.Keys.Where(sent =>
            responseBody.Contains(sent, StringComparison.OrdinalIgnoreCase)
            || strings.Any(text => text.Contains(sent, StringComparison.OrdinalIgnoreCase)))];
    }

    private static JsonNode? Parse(string text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.TrimStart()[0] is not ('{' or '['))
            return null;
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static IEnumerable<string> Strings(JsonNode node) => node switch
    {
        JsonObject o => o.SelectMany(p => p.Value is null ? [p.Key] : Strings(p.Value).Prepend(p.Key)),
        JsonArray a => a.OfType<JsonNode>().SelectMany(Strings),
        JsonValue v when v.TryGetValue<string>(out var text) => [text],
        _ => [],
    };
}
