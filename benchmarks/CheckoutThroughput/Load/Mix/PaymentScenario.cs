using AsyncCommerce.Adapters.Simulated.Payments;
using AsyncCommerce.Payments;

namespace AsyncCommerce.Benchmarks.CheckoutThroughput.Load.Mix;

/// <summary>
/// A customer's payment methods, in their order of preference, with the simulated gateways' test tokens
/// (adapters/Simulated): what the gateway does with them is the scenario.
/// </summary>
internal sealed record PaymentScenario(string Name, int Weight, IReadOnlyList<(string Method, string Token)> Methods, bool PickupOnly = false, bool AddsMethodWhenAllFail = false)
{
    /// <summary>The mix's payments, heaviest first; weights are out of 100.</summary>
    public static IReadOnlyList<PaymentScenario> All { get; } =
    [
        new("card approved", 68, [(PaymentMethods.Card, SimulatedTokens.Visa)]),
        new("card declined, wallet pays", 10, [(PaymentMethods.Card, SimulatedTokens.CardDeclined), (PaymentMethods.Wallet, SimulatedTokens.WalletOk)]),
        new("insufficient funds, gift card pays", 5, [(PaymentMethods.Card, SimulatedTokens.CardInsufficientFunds), (PaymentMethods.GiftCard, SimulatedTokens.GiftCardOk)]),
        new("flaky card (2 transient failures, retried)", 6, [(PaymentMethods.Card, SimulatedTokens.CardFlaky)]),
        new("card times out (retries run out), wallet pays", 2, [(PaymentMethods.Card, SimulatedTokens.CardTimeout), (PaymentMethods.Wallet, SimulatedTokens.WalletOk)]),
        new("every method declined, customer adds a wallet", 3, [(PaymentMethods.Card, SimulatedTokens.CardDeclined), (PaymentMethods.GiftCard, SimulatedTokens.GiftCardEmpty)], AddsMethodWhenAllFail: true),
        new("pay in store (pickup)", 6, [(PaymentMethods.PayInStore, SimulatedTokens.PayInStore)], PickupOnly: true),
    ];

    /// <summary>The method the customer adds when <see cref="AddsMethodWhenAllFail"/>.</summary>
    public static (string Method, string Token) AddedMethod { get; } = (PaymentMethods.Wallet, SimulatedTokens.WalletOk);
}
