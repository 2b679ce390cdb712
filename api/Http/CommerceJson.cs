using System.Text.Json;
using System.Text.Json.Serialization;

namespace AsyncCommerce.Api.Http;

/// <summary>The API's JSON: camelCase, enums as strings, the same for reading requests and writing responses.</summary>
public static class CommerceJson
{
    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DictionaryKeyPolicy = null;
        options.Converters.Add(new JsonStringEnumConverter());
        options.NumberHandling = JsonNumberHandling.Strict;
        return options;
    }
}
