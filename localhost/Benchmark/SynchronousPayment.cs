using AsyncCommerce.Checkout;
using AsyncCommerce.Orders;
using AsyncCommerce.Payments;
using Microsoft.Extensions.Options;

namespace AsyncCommerce.LocalHost.Benchmark;

/// <summary>
/// The saga's payment fallback done inline, as a synchronous shop would: each method in the customer's order through
/// the same gateway port, transient failures retried with the configured backoff while the caller waits, every attempt
/// recorded on the stream as the AuthorizePayment activity records it. No waiting for a new method: a synchronous
/// checkout answers instead.
/// </summary>
public sealed class SynchronousPayment(IPaymentGateway gateway, OrderEventRecorder recorder, IOptions<PaymentOptions> options, TimeProvider clock)
{
    /// <returns>The approval, or null when every method failed.</returns>
    public async Task<PaymentAuthorized?> AuthorizeAsync(string orderId, IReadOnlyList<PaymentInstruction> payments, Money amount, CancellationToken cancellationToken)
    {
        for (var index = 0; index < payments.Count; index++)
        {
            var result = await AuthorizeWithRetriesAsync(orderId, index, payments[index], amount, cancellationToken);
            if (result.Outcome == PaymentOutcome.Approved)
                return new PaymentAuthorized(index, payments[index].Method, result.AuthorizationId!, amount, result.Deferred);
        }

        return null;
    }

    private async Task<AuthorizationResult> AuthorizeWithRetriesAsync(string orderId, int index, PaymentInstruction payment, Money amount, CancellationToken cancellationToken)
    {
        var retry = options.Value;
        var delay = retry.RetryFirstInterval;
        var request = new AuthorizationRequest(orderId, $"{orderId}:{index}", payment.Method, payment.Token, amount);
        for (var attempt = 1; ; attempt++)
        {
            var result = await gateway.AuthorizeAsync(request, cancellationToken);
            var attempted = new PaymentAttempted(index, payment.Method, result.Outcome, result.Reason);
            await recorder.RecordAsync(orderId, $"{orderId}:attempt:{index}:{attempt}", clock.GetUtcNow(), attempted, cancellationToken);
            if (result.Outcome != PaymentOutcome.TransientFailure || attempt >= retry.RetryMaxAttempts)
                return result;

            await Task.Delay(delay, clock, cancellationToken);
            delay = TimeSpan.FromTicks(Math.Min((long)(delay.Ticks * retry.RetryBackoffCoefficient), retry.RetryMaxInterval.Ticks));
        }
    }
}
