using System.Text.RegularExpressions;

namespace AsyncCommerce.Api.Checkout;

public static partial class IdempotencyKey
{
    public const string Header = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";

    /// <summary>8 to 128 characters of A-Z, a-z, 0-9, '-', '_', '.', ':' (API.md).</summary>
    public const string Pattern = "^[A-Za-z0-9_.:-]{8,128}$";

    /// <summary>Null when the key is acceptable, otherwise why it is not.</summary>
    public static string? Problem(string? key) =>
        string.IsNullOrEmpty(key) ? $"The {Header} header is required."
        : KeyPattern().IsMatch(key) ? null
        : $"The {Header} header must be 8 to 128 characters of A-Z, a-z, 0-9, '-', '_', '.', ':'.";

    [GeneratedRegex(Pattern)]
    private static partial Regex KeyPattern();
}
