using System.Globalization;
using AsyncCommerce.Adapters.Simulated.Payments;
using AsyncCommerce.Orders;
using Azure.Data.Tables;

namespace AsyncCommerce.Adapters.AzureStorage.Payments;

/// <summary>How a <see cref="SimulatedAuthorization"/> is written in the ledger table.</summary>
internal static class AuthorizationEntities
{
    /// <summary>When the authorization was recorded (UTC ticks): the ledger lists oldest first, and updates keep it.</summary>
    public const string RecordedAt = nameof(RecordedAt);

    private const string Currency = nameof(Money.Currency);
    private const string CapturedCurrency = nameof(SimulatedAuthorization.Captured) + Currency;
    private const string RefundedCurrency = nameof(SimulatedAuthorization.Refunded) + Currency;

    public static TableEntity ToEntity(string partitionKey, string rowKey, SimulatedAuthorization authorization, long recordedAt)
    {
        var entity = new TableEntity(partitionKey, rowKey)
        {
            [nameof(SimulatedAuthorization.AuthorizationId)] = authorization.AuthorizationId,
            [nameof(SimulatedAuthorization.OrderId)] = authorization.OrderId,
            [nameof(SimulatedAuthorization.Method)] = authorization.Method,
            [nameof(SimulatedAuthorization.Amount)] = Text(authorization.Amount.Amount),
            [Currency] = authorization.Amount.Currency,
            [nameof(SimulatedAuthorization.Deferred)] = authorization.Deferred,
            [nameof(SimulatedAuthorization.State)] = authorization.State.ToString(),
            [RecordedAt] = recordedAt,
        };
        if (authorization.Captured is { } captured)
        {
            entity[nameof(SimulatedAuthorization.Captured)] = Text(captured.Amount);
            entity[CapturedCurrency] = captured.Currency;
        }

        if (authorization.Refunded is { } refunded)
        {
            entity[nameof(SimulatedAuthorization.Refunded)] = Text(refunded.Amount);
            entity[RefundedCurrency] = refunded.Currency;
        }

        return entity;
    }

    public static SimulatedAuthorization FromEntity(TableEntity entity) => new(
        entity.RequiredString(nameof(SimulatedAuthorization.AuthorizationId)),
        entity.RequiredString(nameof(SimulatedAuthorization.OrderId)),
        entity.RequiredString(nameof(SimulatedAuthorization.Method)),
        new Money(Amount(entity.RequiredString(nameof(SimulatedAuthorization.Amount))), entity.RequiredString(Currency)),
        entity.RequiredBoolean(nameof(SimulatedAuthorization.Deferred)),
        Enum.Parse<AuthorizationState>(entity.RequiredString(nameof(SimulatedAuthorization.State))),
        OptionalMoney(entity, nameof(SimulatedAuthorization.Captured), CapturedCurrency),
        OptionalMoney(entity, nameof(SimulatedAuthorization.Refunded), RefundedCurrency));

    private static Money? OptionalMoney(TableEntity entity, string amount, string currency) =>
        entity.GetString(amount) is { } text ? new Money(Amount(text), entity.RequiredString(currency)) : null;

    // Tables has no decimal type and a double would round amounts: the exact text it is.
    private static string Text(decimal amount) => amount.ToString(CultureInfo.InvariantCulture);

    private static decimal Amount(string text) => decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture);
}
