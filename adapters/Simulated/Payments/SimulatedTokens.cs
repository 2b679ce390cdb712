using AsyncCommerce.Payments;

namespace AsyncCommerce.Adapters.Simulated.Payments;

/// <summary>The test tokens of API.md ("Simulated payment gateways"): what each one does for its method.</summary>
public static class SimulatedTokens
{
    public const string Visa = "tok_visa";
    public const string Mastercard = "tok_mastercard";
    public const string CardDeclined = "tok_decline";
    public const string CardInsufficientFunds = "tok_insufficient_funds";
    public const string CardFlaky = "tok_flaky";
    public const string CardTimeout = "tok_timeout";
    public const string WalletOk = "wal_ok";
    public const string WalletDeclined = "wal_decline";
    public const string GiftCardOk = "gc_ok";
    public const string GiftCardEmpty = "gc_empty";
    public const string PayInStore = "store";

    /// <summary>Calls per order that <see cref="CardFlaky"/> fails before it approves.</summary>
    public const int FlakyFailures = 2;

    /// <param name="callNumber">This call's number among the calls for the same order and token, from 1.</param>
    internal static TokenDecision Decide(string method, string token, int callNumber) => (method, token) switch
    {
        (PaymentMethods.Card, Visa or Mastercard) => TokenDecision.Approve,
        (PaymentMethods.Card, CardDeclined) => TokenDecision.Decline("card_declined"),
        (PaymentMethods.Card, CardInsufficientFunds) => TokenDecision.Decline("insufficient_funds"),
        (PaymentMethods.Card, CardFlaky) when callNumber <= FlakyFailures => TokenDecision.Transient("gateway_unavailable"),
        (PaymentMethods.Card, CardFlaky) => TokenDecision.Approve,
        (PaymentMethods.Card, CardTimeout) => TokenDecision.Transient("gateway_timeout"),
        (PaymentMethods.Wallet, WalletOk) => TokenDecision.Approve,
        (PaymentMethods.Wallet, WalletDeclined) => TokenDecision.Decline("wallet_declined"),
        (PaymentMethods.GiftCard, GiftCardOk) => TokenDecision.Approve,
        (PaymentMethods.GiftCard, GiftCardEmpty) => TokenDecision.Decline("giftcard_empty"),

        // The gateway cannot see the fulfillment; the HTTP edge refuses pay-in-store for delivery orders.
        (PaymentMethods.PayInStore, PayInStore) => TokenDecision.ApproveDeferred,
        _ => TokenDecision.Decline("unknown_token"),
    };
}
