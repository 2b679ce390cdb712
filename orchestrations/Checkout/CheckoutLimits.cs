namespace AsyncCommerce.Checkout;

/// <summary>The edges of a valid checkout (API.md). Kept together so the contract and the validator cannot drift.</summary>
public static class CheckoutLimits
{
    public const int MinQuantity = 1;
    public const int MaxQuantity = 100;
    public const int MinLines = 1;
    public const int MaxLines = 50;
    public const int MinPayments = 1;
    public const int MaxPayments = 5;
    public const int MaxIdLength = 128;
    public const int MaxTokenLength = 256;
    public const int MaxAddressLineLength = 200;
    public const int MaxCityLength = 100;
    public const int MaxPostalCodeLength = 20;
    public const int MaxBodyBytes = 64 * 1024;
}
