using System.Globalization;

namespace AsyncCommerce.Api.Checkout;

/// <summary>An order's entity tag: its read model's version, which every recorded event raises by one.</summary>
public static class OrderETag
{
    public const string Header = "ETag";
    public const string IfNoneMatchHeader = "If-None-Match";

    public static string Format(int version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    /// <summary>
    /// True when <paramref name="ifNoneMatch"/> names <paramref name="version"/> (RFC 9110 weak comparison, so a
    /// proxy's W/ prefix does not matter) or is <c>*</c>.
    /// </summary>
    public static bool Matches(string? ifNoneMatch, int version)
    {
        if (string.IsNullOrWhiteSpace(ifNoneMatch))
            return false;
        var current = Format(version);
        return ifNoneMatch.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Any(tag => tag == "*" || (tag.StartsWith("W/", StringComparison.Ordinal) ? tag[2..] : tag) == current);
    }
}
