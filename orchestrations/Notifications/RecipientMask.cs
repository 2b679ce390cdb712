namespace AsyncCommerce.Notifications;

/// <summary>Masks contact details for anything a person other than the customer reads (timeline, logs).</summary>
public static class RecipientMask
{
    public static string Email(string email)
    {
        var at = email.IndexOf('@', StringComparison.Ordinal);
        return at <= 0 ? "***" : $"{email[0]}***{email[at..]}";
    }

    /// <summary><c>+15551234567</c> becomes <c>+1*******567</c>: country code and last three digits stay.</summary>
    public static string Phone(string phone)
    {
        const int keepStart = 2;
        const int keepEnd = 3;
        if (phone.Length <= keepStart + keepEnd)
            return new string('*', phone.Length);
        return string.Concat(phone.AsSpan(0, keepStart), new string('*', phone.Length - keepStart - keepEnd), phone.AsSpan(phone.Length - keepEnd));
    }
}
