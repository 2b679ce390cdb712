using AsyncCommerce.Orders;

namespace AsyncCommerce.Notifications;

/// <summary>
/// Masks contact details for anything a person other than the customer reads (timeline, logs, every API response).
/// Masking a masked value changes nothing, so a value masked when it was stored can safely be masked again on its way out.
/// </summary>
public static class RecipientMask
{
    /// <summary>Both details of a contact, masked.</summary>
    public static Contact Apply(Contact contact)
    {
        ArgumentNullException.ThrowIfNull(contact);
        return new(contact.Email is null ? null : Email(contact.Email), contact.Phone is null ? null : Phone(contact.Phone));
    }

    /// <summary>A recipient address of <paramref name="channel"/>, masked.</summary>
    public static string Recipient(NotificationChannel channel, string address) =>
        channel == NotificationChannel.Sms ? Phone(address) : Email(address);

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
