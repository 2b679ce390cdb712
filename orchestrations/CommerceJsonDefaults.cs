using System.Text.Json;
using System.Text.Json.Serialization;

namespace AsyncCommerce;

/// <summary>
/// The one JSON shape of the system: camelCase, enums as strings. The HTTP API writes it, and adapters that
/// store or send domain records (order events on a bus, documents in a database) use it too, so a stored
/// event reads the same everywhere.
/// </summary>
public static class CommerceJsonDefaults
{
    public static JsonSerializerOptions Options { get; } = Apply(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Apply(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DictionaryKeyPolicy = null;
        options.Converters.Add(new JsonStringEnumConverter());
        options.NumberHandling = JsonNumberHandling.Strict;
        return options;
    }
}
