using System.Globalization;
using System.Text;

namespace AsyncCommerce.Adapters.AzureStorage;

/// <summary>PartitionKey and RowKey values built from outside values (order ids, store ids, event ids, keys).</summary>
internal static class TableKey
{
    private const string Forbidden = "/\\#?%";

    /// <summary>
    /// Azure Tables refuses '/', '\', '#', '?' and control characters in a key; keys here come from callers, so
    /// those (and '%', to keep the mapping one-to-one) become '%' and four hex digits. Ordinary ids pass through
    /// unchanged and stay readable; entities keep the original value in a property of their own.
    /// </summary>
    public static string Escape(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!value.AsSpan().ContainsAny(Forbidden) && !value.Any(char.IsControl))
            return value;

        var escaped = new StringBuilder(value.Length + 8);
        foreach (var character in value)
        {
            if (Forbidden.Contains(character, StringComparison.Ordinal) || char.IsControl(character))
                escaped.Append('%').Append(((int)character).ToString("X4", CultureInfo.InvariantCulture));
            else
                escaped.Append(character);
        }

        return escaped.ToString();
    }
}
