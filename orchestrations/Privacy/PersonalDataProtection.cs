using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AsyncCommerce.Orders;

namespace AsyncCommerce.Privacy;

/// <summary>
/// Seals personal data under the customer's data key and opens it where it is needed (sending a notification, showing
/// the timeline). The key is never used directly: each purpose derives its own subkey (HKDF), so a fingerprint and a
/// ciphertext made with one customer key tell nothing about each other. The customer id is authenticated with every
/// ciphertext, so sealed data copied onto another customer's order does not open.
/// </summary>
public sealed class PersonalDataProtection(ICustomerKeyStore keys)
{
    private const int NonceBytes = 12;
    private const int TagBytes = 16;

    // Subkeys derived once per key object: a store that keeps its keys in memory hands the same object to every
    // checkout of that customer, and deriving (HKDF through OpenSSL) was most of the accept path's cryptography.
    // Weak, so a key object no longer referenced takes its subkeys with it.
    private static readonly ConditionalWeakTable<CustomerKey, DerivedSubkeys> Derived = new();

    /// <summary>Seals <paramref name="contact"/> under the customer's current data key (created if they have none).</summary>
    public async Task<SealedContact> SealAsync(string customerId, Contact contact, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(contact);
        return Seal(await keys.GetOrCreateAsync(customerId, cancellationToken), contact);
    }

    /// <summary>Seals <paramref name="contact"/> under <paramref name="key"/>: a fresh random nonce each time, so equal contacts never look equal.</summary>
    public static SealedContact Seal(CustomerKey key, Contact contact)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(contact);
        var plaintext = JsonSerializer.SerializeToUtf8Bytes(contact, CommerceJsonDefaults.Options);
        return new SealedContact(key.KeyId, SealBytes(key, SubkeyPurpose.Contact, plaintext));
    }

    /// <summary>
    /// The contact with the key that sealed it (to seal what is derived from it under the same key), or null when the
    /// customer's personal data was erased: the key it was sealed with is gone.
    /// </summary>
    public async Task<OpenedContact?> OpenAsync(string customerId, SealedContact sealedContact, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sealedContact);
        var key = await keys.FindAsync(customerId, sealedContact.KeyId, cancellationToken);
        if (key is null)
            return null;
        var contact = JsonSerializer.Deserialize<Contact>(OpenBytes(key, SubkeyPurpose.Contact, sealedContact.Ciphertext), CommerceJsonDefaults.Options)
            ?? throw new CryptographicException($"Customer {customerId}: the sealed contact holds no contact.");
        return new OpenedContact(contact, key);
    }

    /// <summary>
    /// <paramref name="text"/> sealed under <paramref name="key"/>, as one string a store keeps where it kept the text
    /// (<see cref="SealedText"/>): the store needs no change, and the text is gone with the key.
    /// </summary>
    public static string SealText(CustomerKey key, string text)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(text);
        return SealedText.Format(key.KeyId, SealBytes(key, SubkeyPurpose.Text, Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>
    /// Each stored value opened: the text, or null where its key was destroyed. A value that is not sealed text (written
    /// before texts were sealed) is returned as it is. Each key is read once, however many values it sealed.
    /// </summary>
    public async Task<IReadOnlyList<string?>> OpenTextsAsync(string customerId, IReadOnlyList<string> stored, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var found = new Dictionary<string, CustomerKey?>(StringComparer.Ordinal);
        var opened = new List<string?>(stored.Count);
        foreach (var value in stored)
        {
            if (!SealedText.TryParse(value, out var keyId, out var ciphertext))
            {
                opened.Add(value);
                continue;
            }

            if (!found.TryGetValue(keyId, out var key))
                found[keyId] = key = await keys.FindAsync(customerId, keyId, cancellationToken);
            opened.Add(key is null ? null : Encoding.UTF8.GetString(OpenBytes(key, SubkeyPurpose.Text, ciphertext)));
        }

        return opened;
    }

    /// <summary>
    /// A keyed hash (HMAC-SHA256 under the customer's key) of <paramref name="content"/>: equal content gives an equal
    /// fingerprint while the key lives, and a plain hash would not do, because a hash of a request holding an email can
    /// be reversed by hashing guesses. After an erasure nothing can be learnt from it, nor matched against it.
    /// </summary>
    public async Task<string> FingerprintAsync(string customerId, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default) =>
        Fingerprint(await keys.GetOrCreateAsync(customerId, cancellationToken), content.Span);

    /// <summary>
    /// The fingerprint of <paramref name="content"/> under <paramref name="key"/>, for a caller that already holds the
    /// customer's current key (a checkout, whose contact was just sealed under it): the same value as
    /// <see cref="FingerprintAsync"/>, without reading the key again.
    /// </summary>
    public static string Fingerprint(CustomerKey key, ReadOnlySpan<byte> content)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Convert.ToHexString(HMACSHA256.HashData(Subkey(key, SubkeyPurpose.Fingerprint), content));
    }

    private static string SealBytes(CustomerKey key, SubkeyPurpose purpose, byte[] plaintext)
    {
        var sealedBytes = new byte[NonceBytes + TagBytes + plaintext.Length];
        var nonce = sealedBytes.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using (var aes = new AesGcm(Subkey(key, purpose), TagBytes))
            aes.Encrypt(nonce, plaintext, sealedBytes.AsSpan(NonceBytes + TagBytes), sealedBytes.AsSpan(NonceBytes, TagBytes), AssociatedData(key.CustomerId));
        CryptographicOperations.ZeroMemory(plaintext);
        return Convert.ToBase64String(sealedBytes);
    }

    private static byte[] OpenBytes(CustomerKey key, SubkeyPurpose purpose, string ciphertext)
    {
        var sealedBytes = Convert.FromBase64String(ciphertext);
        var plaintext = new byte[sealedBytes.Length - NonceBytes - TagBytes];
        using var aes = new AesGcm(Subkey(key, purpose), TagBytes);
        aes.Decrypt(sealedBytes.AsSpan(0, NonceBytes), sealedBytes.AsSpan(NonceBytes + TagBytes), sealedBytes.AsSpan(NonceBytes, TagBytes), plaintext, AssociatedData(key.CustomerId));
        return plaintext;
    }

    private static byte[] Subkey(CustomerKey key, SubkeyPurpose purpose) => Derived.GetValue(key, static key => new DerivedSubkeys(key)).For(purpose);

    private static byte[] AssociatedData(string customerId) => Encoding.UTF8.GetBytes(customerId);
}

/// <summary>A contact opened with the customer's key, and that key.</summary>
public sealed record OpenedContact(Contact Contact, CustomerKey Key);
