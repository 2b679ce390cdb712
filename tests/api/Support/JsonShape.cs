using System.Text.Json;

namespace AsyncCommerce.Api.Tests.Support;

/// <summary>Checks the wire shape of a response: the member names the contract promises, as the client reads them.</summary>
public static class JsonShape
{
    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    public static void AssertMembers(JsonElement element, params string[] members)
    {
        ArgumentNullException.ThrowIfNull(members);
        Assert.Equal(JsonValueKind.Object, element.ValueKind);
        var missing = members.Where(member => !element.TryGetProperty(member, out _)).ToList();
        Assert.True(missing.Count == 0, $"Missing member(s) {string.Join(", ", missing)} in {element}");
    }

    /// <summary>ISO 8601 with a UTC offset: ends in Z or +00:00.</summary>
    public static void AssertUtcTimestamp(JsonElement value)
    {
        Assert.Equal(JsonValueKind.String, value.ValueKind);
        var text = value.GetString()!;
        Assert.True(DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var parsed), $"'{text}' is not a timestamp");
        Assert.True(parsed.Offset == TimeSpan.Zero && (text.EndsWith('Z') || text.EndsWith("+00:00", StringComparison.Ordinal)), $"'{text}' is not UTC");
    }
}
