using System.Text;

namespace AsyncCommerce.Adapters.Cosmos;

/// <summary>Document ids built from outside values (order ids, SKUs, event ids, keys).</summary>
internal static class CosmosId
{
    /// <summary>
    /// Cosmos DB refuses '/', '\', '?' and '#' in an id; ids here come from callers, so those (and '%', to keep the
    /// mapping one-to-one) are percent-encoded. Ordinary ids pass through unchanged and stay readable.
    /// </summary>
    public static string Escape(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.AsSpan().IndexOfAny("/\\?#%") < 0)
            return value;

        var escaped = new StringBuilder(value.Length + 8);
        foreach (var character in value)
        {
            _ = character switch
            {
                '/' => escaped.Append("%2F"),
                '\\' => escaped.Append("%5C"),
                '?' => escaped.Append("%3F"),
                '#' => escaped.Append("%23"),
                '%' => escaped.Append("%25"),
                _ => escaped.Append(character),
            };
        }

        return escaped.ToString();
    }
}
