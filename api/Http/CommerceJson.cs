using System.Text.Json;

namespace AsyncCommerce.Api.Http;

/// <summary>The API's JSON: the system's shape (<see cref="CommerceJsonDefaults"/>) for requests and responses alike.</summary>
public static class CommerceJson
{
    public static JsonSerializerOptions Options => CommerceJsonDefaults.Options;

    public static JsonSerializerOptions Configure(JsonSerializerOptions options) => CommerceJsonDefaults.Apply(options);
}
