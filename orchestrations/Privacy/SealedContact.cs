namespace AsyncCommerce.Privacy;

/// <summary>
/// A customer's contact details as stored: AES-GCM under the customer's data key <see cref="KeyId"/>.
/// <see cref="Ciphertext"/> is base64 of nonce, tag and ciphertext. Once the key is destroyed nothing can read it.
/// </summary>
public sealed record SealedContact(string KeyId, string Ciphertext);
