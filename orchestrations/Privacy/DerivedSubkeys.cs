using System.Security.Cryptography;

namespace AsyncCommerce.Privacy;

/// <summary>The subkeys of one customer key, each derived the first time its purpose needs it.</summary>
internal sealed class DerivedSubkeys(CustomerKey key)
{
    private readonly byte[]?[] _subkeys = new byte[]?[SubkeyPurpose.Count];

    // Two threads may derive the same subkey at once; both get equal bytes, so the race costs one derivation.
    public byte[] For(SubkeyPurpose purpose) =>
        _subkeys[purpose.Index] ??= HKDF.DeriveKey(HashAlgorithmName.SHA256, key.Material.Span.ToArray(), CustomerKey.MaterialBytes, salt: [], info: purpose.Info);
}

/// <summary>What a subkey is for: the HKDF info that keeps the subkeys of one customer key apart.</summary>
internal sealed record SubkeyPurpose(int Index, byte[] Info)
{
    public const int Count = 3;
    public static readonly SubkeyPurpose Contact = new(0, "asynccommerce/contact/v1"u8.ToArray());
    public static readonly SubkeyPurpose Text = new(1, "asynccommerce/text/v1"u8.ToArray());
    public static readonly SubkeyPurpose Fingerprint = new(2, "asynccommerce/request-fingerprint/v1"u8.ToArray());
}
