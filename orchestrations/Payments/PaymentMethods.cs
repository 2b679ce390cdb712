namespace AsyncCommerce.Payments;

public static class PaymentMethods
{
    public const string Card = "card";
    public const string Wallet = "wallet";
    public const string GiftCard = "giftcard";
    public const string PayInStore = "payinstore";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        Card, Wallet, GiftCard, PayInStore,
    };
}
