namespace AsyncCommerce.Notifications;

/// <summary>Masks contact details for anything a person other than the customer reads (timeline, logs).</summary>
public static class RecipientMask
{
    public static string Email(string email)
    {
        var at = email.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0)
            return "***";

        // The first whole character, not the first UTF-16 unit: half a surrogate pair would print as garbage.
        System.Text.Rune.DecodeFromUtf16(email, out var first, out _);
        return $"{first}***{email[at..]}";
    }

    /// <summary><c>+15551234567</c> becomes <c>+1*******567</c>: the first two and the last three characters stay.</summary>
    public static string Phone(string phone)
    {
        const int keepStart = 2;
        const int keepEnd = 3;
        if (phone.Length <= keepStart + keepEnd)
            return new string('*', phone.Length);
        return string.Concat(phone.AsSpan(0, keepStart), new string('*', phone.Length - keepStart - keepEnd), phone.AsSpan(phone.Length - keepEnd));
    }
}
