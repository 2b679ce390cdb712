using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Diagnostics;
using AsyncCommerce.Api.Http;
using AsyncCommerce.Checkout;
using AsyncCommerce.Notifications;
using AsyncCommerce.Orders;
using AsyncCommerce.Privacy;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace AsyncCommerce.Api.Checkout;

/// <summary>The storefront's order routes. Reads come from the read model; changes are events raised to the order's saga.</summary>
public static class CheckoutEndpoints
{
    private const int MaxSmallBodyBytes = 4 * 1024;

    // [Required] and [RegularExpression] only describe the header in the OpenAPI document: the handler checks the key
    // itself, so that a missing or malformed one is a 400 keyed by the header's name like every other field.
    public static async Task<Results<CheckoutAcceptedResult, BodyRejected, ValidationProblem, ConflictProblem, UnprocessableProblem>> AcceptAsync(
        HttpRequest request,
        [FromHeader(Name = IdempotencyKey.Header), Required, RegularExpression(IdempotencyKey.Pattern)] string? idempotencyKey,
        [FromServices] CheckoutAcceptance acceptance,
        [FromServices] IOptions<CheckoutOptions> options,
        [FromServices] DurableTaskClient workflows,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(acceptance);
        ArgumentNullException.ThrowIfNull(options);
        var started = Stopwatch.GetTimestamp();
        var answer = await AnswerCheckoutAsync(request, idempotencyKey, acceptance, options.Value, workflows, cancellationToken);
        CheckoutAcceptTelemetry.Answered(answer.Result, Stopwatch.GetElapsedTime(started));
        return answer;
    }

    private static async Task<Results<CheckoutAcceptedResult, BodyRejected, ValidationProblem, ConflictProblem, UnprocessableProblem>> AnswerCheckoutAsync(
        HttpRequest request, string? idempotencyKey, CheckoutAcceptance acceptance, CheckoutOptions options, DurableTaskClient workflows, CancellationToken cancellationToken)
    {
        var body = await JsonRequestBody.ReadAsync<CheckoutRequest>(request, CheckoutLimits.MaxBodyBytes, cancellationToken);
        if (IdempotencyKey.Problem(idempotencyKey) is { } keyProblem)
            return Problems.Validation(IdempotencyKey.Header, keyProblem);
        if (body.Problem is not null)
            return body.Problem;

        return await acceptance.AcceptAsync(idempotencyKey!, body.Value!, workflows, cancellationToken) switch
        {
            OrderAccepted accepted => CheckoutAccepted(accepted, options.RetryAfterSeconds),
            CheckoutInvalid invalid => Problems.Validation(invalid.Errors),
            KeyReusedWithDifferentBody => Problems.Unprocessable($"The {IdempotencyKey.Header} was already used with a different request body."),
            StillBeingAccepted => Problems.Conflict($"A request with this {IdempotencyKey.Header} is still being accepted; retry shortly."),
            var other => throw new UnreachableException($"No answer for {other.GetType().Name}."),
        };
    }

    private static CheckoutAcceptedResult CheckoutAccepted(OrderAccepted accepted, int retryAfterSeconds) =>
        new(new CheckoutAccepted(accepted.OrderId, nameof(OrderStatus.Accepted), CommerceRoutes.CheckoutUrl(accepted.OrderId)), retryAfterSeconds, accepted.Replayed);

    /// <summary>
    /// The order's read model with its ETag. With <c>If-None-Match</c> naming the current version it answers 304, after
    /// waiting up to <c>Prefer: wait=N</c> seconds for a change, so a storefront follows an order without a polling loop.
    /// </summary>
    public static async Task<Results<OrderResult, OrderNotModified, NotFoundProblem>> GetAsync(
        string orderId,
        [FromHeader(Name = OrderETag.IfNoneMatchHeader), Description("The ETag of the version you have: 304 while the order is still at it.")] string? ifNoneMatch,
        [FromHeader(Name = PreferWait.Header), Description("`wait=N` (N at most 30): with If-None-Match, wait up to N seconds for the order to change before answering 304.")] string? prefer,
        [FromServices] IOrderViewStore views,
        [FromServices] OrderChangeWait changes,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(views);
        ArgumentNullException.ThrowIfNull(changes);
        var view = await views.GetAsync(orderId, cancellationToken);
        if (view is null)
            return UnknownOrder(orderId);
        if (!OrderETag.Matches(ifNoneMatch, view.Version))
            return new OrderResult(view);

        var wait = PreferWait.Parse(prefer);
        var current = wait > TimeSpan.Zero ? await changes.WaitAsync(orderId, view.Version, wait, cancellationToken) ?? view : view;
        return current.Version == view.Version ? new OrderNotModified(view.Version) : new OrderResult(current);
    }

    public static async Task<Results<Ok<IReadOnlyList<OrderEventResponse>>, NotFoundProblem>> GetEventsAsync(
        string orderId, [FromServices] IOrderEventStore events, [FromServices] PersonalDataProtection protection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        var stream = await events.ReadAsync(orderId, 0, cancellationToken);
        if (stream.Count == 0)
            return UnknownOrder(orderId);
        return TypedResults.Ok(await ContactMasking.EventsAsync(stream, protection, cancellationToken));
    }

    /// <summary>The timeline with each recipient opened under the customer's key: null where their personal data was erased.</summary>
    public static async Task<Results<Ok<IReadOnlyList<NotificationResponse>>, NotFoundProblem>> GetNotificationsAsync(
        string orderId,
        [FromServices] IOrderViewStore views,
        [FromServices] INotificationLog notifications,
        [FromServices] PersonalDataProtection protection,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(views);
        ArgumentNullException.ThrowIfNull(notifications);
        ArgumentNullException.ThrowIfNull(protection);
        var view = await views.GetAsync(orderId, cancellationToken);
        if (view is null)
            return UnknownOrder(orderId);
        var records = await notifications.ListAsync(orderId, cancellationToken);
        var recipients = await protection.OpenTextsAsync(view.CustomerId, [.. records.Select(record => record.Recipient)], cancellationToken);
        IReadOnlyList<NotificationResponse> response = [.. records.Select((record, i) => ContactMasking.Notification(record, recipients[i]))];
        return TypedResults.Ok(response);
    }

    public static async Task<Results<RequestAcceptedResult, BodyRejected, ValidationProblem, NotFoundProblem, ConflictProblem>> AddPaymentMethodAsync(
        string orderId, HttpRequest request, [FromServices] IOrderViewStore views, [FromServices] DurableTaskClient workflows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(views);
        ArgumentNullException.ThrowIfNull(workflows);
        var body = await JsonRequestBody.ReadAsync<PaymentMethodRequest>(request, MaxSmallBodyBytes, cancellationToken);
        if (body.Problem is not null)
            return body.Problem;

        var view = await views.GetAsync(orderId, cancellationToken);
        if (view is null)
            return UnknownOrder(orderId);

        var errors = CheckoutValidator.ValidateAddedPayment(body.Value, view.Fulfillment.Type);
        if (errors.Count > 0)
            return Problems.Validation(errors);
        if (view.Status != OrderStatus.AwaitingPaymentMethod)
            return Problems.Conflict($"Order {orderId} is {view.Status}; a payment method can be added only while it is {OrderStatus.AwaitingPaymentMethod}.");

        var payment = new PaymentInstruction(body.Value!.Method!.Trim().ToLowerInvariant(), body.Value.Token!);
        await workflows.RaiseEventAsync(orderId, ExternalEvents.PaymentMethodAdded, new NewPaymentMethod(payment), cancellationToken);
        return Accepted(orderId);
    }

    public static async Task<Results<RequestAcceptedResult, NotFoundProblem, ConflictProblem>> CancelAsync(
        string orderId, [FromServices] IOrderViewStore views, [FromServices] DurableTaskClient workflows, [FromServices] TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(views);
        ArgumentNullException.ThrowIfNull(workflows);
        ArgumentNullException.ThrowIfNull(clock);
        var view = await views.GetAsync(orderId, cancellationToken);
        if (view is null)
            return UnknownOrder(orderId);
        if (view.Status.IsFinal())
            return Problems.Conflict($"Order {orderId} is already {view.Status}.");

        await workflows.RaiseEventAsync(orderId, ExternalEvents.CancelOrder, new CancellationRequest(clock.GetUtcNow()), cancellationToken);
        return Accepted(orderId);
    }

    internal static RequestAcceptedResult Accepted(string orderId) => new(orderId);

    internal static NotFoundProblem UnknownOrder(string orderId) => Problems.NotFound($"No order with id '{orderId}'.");
}
