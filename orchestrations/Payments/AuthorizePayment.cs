using AsyncCommerce.Orders;
using Microsoft.DurableTask;

namespace AsyncCommerce.Payments;

/// <param name="AuthorizedEventId">Id of the PaymentAuthorized event recorded on approval, chosen by the orchestrator.</param>
public sealed record AuthorizePaymentInput(string OrderId, int MethodIndex, PaymentInstruction Payment, Money Amount, string AuthorizedEventId);

/// <summary>
/// Activity: one authorization attempt with one payment method. Every attempt is recorded on the order's
/// stream (so transient failures show in <c>payment.attempts</c>), and an approval as PaymentAuthorized; a
/// transient failure then throws so that the orchestrator's Durable retry policy calls again with backoff.
/// </summary>
public sealed class AuthorizePayment(IPaymentGateway gateway, OrderEventRecorder recorder, TimeProvider clock)
    : TaskActivity<AuthorizePaymentInput, AuthorizationResult>
{
    public override async Task<AuthorizationResult> RunAsync(TaskActivityContext context, AuthorizePaymentInput input)
    {
        ArgumentNullException.ThrowIfNull(input);

        // The key is per order and method slot: a re-run of this activity cannot authorize the same money twice.
        var request = new AuthorizationRequest(input.OrderId, $"{input.OrderId}:{input.MethodIndex}", input.Payment.Method, input.Payment.Token, input.Amount);
        var result = await gateway.AuthorizeAsync(request);

        var attempt = new OrderFact(AttemptEventId(input, result.Outcome), clock.GetUtcNow(), new PaymentAttempted(input.MethodIndex, input.Payment.Method, result.Outcome, result.Reason));
        if (result.Outcome == PaymentOutcome.Approved)
        {
            var authorized = new PaymentAuthorized(input.MethodIndex, input.Payment.Method, result.AuthorizationId!, input.Amount, result.Deferred);
            await recorder.RecordAsync(input.OrderId, [attempt, new(input.AuthorizedEventId, attempt.OccurredAt, authorized)]);
            return result;
        }

        await recorder.RecordAsync(input.OrderId, [attempt]);
        if (result.Outcome == PaymentOutcome.TransientFailure)
            throw new TransientPaymentException($"Order {input.OrderId}: {input.Payment.Method} failed transiently ({result.Reason}).");
        return result;
    }

    /// <summary>
    /// An approval or a decline ends the method's slot, and a re-run after a crash gets the same answer (approvals are
    /// idempotent by key, a token declines the same way every time): its id derives from the slot's id, so it is
    /// recorded once. A transient failure is a real call each time, and the retry policy re-runs the activity with
    /// the same input, so each one gets an id of its own.
    /// </summary>
    private static string AttemptEventId(AuthorizePaymentInput input, PaymentOutcome outcome) => outcome switch
    {
        PaymentOutcome.Approved or PaymentOutcome.Declined => $"{input.AuthorizedEventId}:attempt",
        _ => Guid.NewGuid().ToString("N"),
    };
}
