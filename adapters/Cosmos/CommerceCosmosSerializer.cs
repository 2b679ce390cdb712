using System.Text.Json;
using Microsoft.Azure.Cosmos;

namespace AsyncCommerce.Adapters.Cosmos;

/// <summary>
/// Reads and writes documents with System.Text.Json and <see cref="CommerceJsonDefaults"/>, so a stored order event
/// or view has exactly the JSON the HTTP API and the message bus show (camelCase, enums as strings), and the
/// domain's polymorphic <c>$type</c> discriminators round-trip.
/// </summary>
public sealed class CommerceCosmosSerializer : CosmosSerializer
{
    private readonly JsonSerializerOptions _options;

    public CommerceCosmosSerializer()
        : this(CommerceJsonDefaults.Options)
    {
    }

    public CommerceCosmosSerializer(JsonSerializerOptions options) => _options = options ?? throw new ArgumentNullException(nameof(options));

    public override T FromStream<T>(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (typeof(Stream).IsAssignableFrom(typeof(T)))
            return (T)(object)stream;

        using (stream)
        {
            if (stream.CanSeek && stream.Length == 0)
                return default!;
            return JsonSerializer.Deserialize<T>(stream, _options)!;
        }
    }

    public override Stream ToStream<T>(T input)
    {
        var buffer = new MemoryStream();
        JsonSerializer.Serialize(buffer, input, _options);
        buffer.Position = 0;
        return buffer;
    }
}
