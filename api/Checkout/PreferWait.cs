using System.Globalization;

namespace AsyncCommerce.Api.Checkout;

/// <summary>The <c>wait</c> preference of RFC 7240 (<c>Prefer: wait=20</c>): how long a client will wait for a change.</summary>
public static class PreferWait
{
    public const string Header = "Prefer";

    /// <summary>The longest wait honoured (API.md); a longer one is shortened to it, as RFC 7240 lets a server do.</summary>
    public static readonly TimeSpan Longest = TimeSpan.FromSeconds(30);

    /// <summary>The wait asked for, at most <see cref="Longest"/>; zero when none (other preferences are ignored, as the RFC says).</summary>
    public static TimeSpan Parse(string? prefer)
    {
        if (string.IsNullOrEmpty(prefer))
            return TimeSpan.Zero;
        foreach (var preference in prefer.Split([',', ';'], StringSplitOptions.TrimEntries))
        {
            var parts = preference.Split('=', 2, StringSplitOptions.TrimEntries);
            if (parts.Length == 2 && parts[0].Equals("wait", StringComparison.OrdinalIgnoreCase)
                && int.TryParse(parts[1].Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
                return TimeSpan.FromSeconds(Math.Min(seconds, Longest.TotalSeconds));
        }

        return TimeSpan.Zero;
    }
}
