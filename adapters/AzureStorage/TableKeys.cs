using System.Globalization;
using System.Text;

namespace AsyncCommerce.Adapters.AzureStorage;

/// <summary>Partition and row keys built from outside values (order ids, SKUs, location ids, idempotency keys).</summary>
internal static class TableKeys
{
    /// <summary>Joins the parts of a composite key; <see cref="Escape"/> keeps it out of every part, so keys never collide.</summary>
    public const char Separator = '|';

    /// <summary>
    /// Azure Tables refuses '/', '\', '#', '?' and control characters in a key; values here come from callers, so
    /// those (with '%', to keep the mapping one-to-one, and the <see cref="Separator"/>) are percent-encoded.
    /// Ordinary ids pass through unchanged and stay readable in a table explorer.
    /// </summary>
    public static string Escape(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!value.Any(NeedsEscape))
            return value;

        var escaped = new StringBuilder(value.Length + 8);
        foreach (var character in value)
        {
            if (NeedsEscape(character))
                escaped.Append('%').Append(((int)character).ToString("X2", CultureInfo.InvariantCulture));
            else
                escaped.Append(character);
        }

        return escaped.ToString();
    }

    /// <summary>A key of several caller values, each escaped, joined by the <see cref="Separator"/>.</summary>
    public static string Compose(params string[] parts) => string.Join(Separator, parts.Select(Escape));

    private static bool NeedsEscape(char character) =>
        character is '/' or '\\' or '#' or '?' or '%' or Separator || char.IsControl(character);
}
