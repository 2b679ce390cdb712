using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace AsyncCommerce.Adapters.Behaviours.Support;

/// <summary>
/// Every form in which a contact detail could sit in a store: UTF-8 as written, JSON-escaped (the default encoder
/// writes <c>+</c> as <c>\u002B</c>), UTF-16, hex, and base64 or base64url at each of the three byte alignments it can
/// have inside a longer encoded value. A search for the erased data looks for all of them.
/// </summary>
public sealed class ContactTrace
{
    private static readonly JsonSerializerOptions Escaping = new() { Encoder = JavaScriptEncoder.Default };
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly List<(string Form, string Text)> _texts = [];
    private readonly List<(string Form, byte[] Bytes)> _bytes = [];

    public ContactTrace(params string[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        foreach (var value in values)
            AddForms(value);
    }

    /// <summary>The forms of the erased values found in <paramref name="text"/>, named for the failure message.</summary>
    public IEnumerable<string> FoundIn(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return _texts.Where(needle => text.Contains(needle.Text, StringComparison.OrdinalIgnoreCase)).Select(needle => needle.Form);
    }

    /// <summary>The forms of the erased values found in <paramref name="bytes"/> (text forms as UTF-8, and UTF-16).</summary>
    public IEnumerable<string> FoundIn(ReadOnlyMemory<byte> bytes)
    {
        var found = new List<string>();
        foreach (var (form, needle) in _bytes)
        {
            if (bytes.Span.IndexOf(needle) >= 0)
                found.Add(form);
        }

        return found;
    }

    private void AddForms(string value)
    {
        var utf8 = Encoding.UTF8.GetBytes(value);
        AddText($"'{value}' as written", value);
        AddText($"'{value}' JSON-escaped", JsonSerializer.Serialize(value, Escaping).Trim('"'));
        AddText($"'{value}' JSON-escaped (relaxed)", JsonSerializer.Serialize(value, Relaxed).Trim('"'));
        AddText($"'{value}' hex", Convert.ToHexString(utf8));
        for (var offset = 0; offset < 3; offset++)
        {
            var base64 = AlignedBase64(utf8, offset);
            AddText($"'{value}' base64 at offset {offset}", base64);
            AddText($"'{value}' base64url at offset {offset}", base64.Replace('+', '-').Replace('/', '_'));
        }

        _bytes.Add(($"'{value}' UTF-16", Encoding.Unicode.GetBytes(value)));
    }

    private void AddText(string form, string text)
    {
        if (_texts.Any(existing => string.Equals(existing.Text, text, StringComparison.OrdinalIgnoreCase)))
            return;
        _texts.Add((form, text));
        _bytes.Add((form, Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>
    /// The base64 characters that depend only on <paramref name="value"/> when it starts <paramref name="offset"/> bytes
    /// into a longer encoded value: whatever surrounds it, these characters appear.
    /// </summary>
    private static string AlignedBase64(byte[] value, int offset)
    {
        var encoded = Convert.ToBase64String([.. new byte[offset], .. value]);
        var first = ((8 * offset) + 5) / 6;
        var end = 8 * (offset + value.Length) / 6;
        return encoded[first..end];
    }
}
