using System.Diagnostics.CodeAnalysis;

namespace AsyncCommerce.Privacy;

/// <summary>
/// Sealed text kept in a plain string field: <c>sealed:v1:{keyId}:{base64}</c>. Key ids are hex and base64 has no
/// colon, so the three parts split unambiguously; a value without the prefix is not sealed.
/// </summary>
public static class SealedText
{
    private const string Prefix = "sealed:v1:";

    public static string Format(string keyId, string ciphertext) => $"{Prefix}{keyId}:{ciphertext}";

    public static bool TryParse(string? value, [NotNullWhen(true)] out string? keyId, [NotNullWhen(true)] out string? ciphertext)
    {
        keyId = ciphertext = null;
        if (value is null || !value.StartsWith(Prefix, StringComparison.Ordinal))
            return false;
        var separator = value.IndexOf(':', Prefix.Length);
        if (separator < 0)
            return false;
        keyId = value[Prefix.Length..separator];
        ciphertext = value[(separator + 1)..];
        return true;
    }
}
