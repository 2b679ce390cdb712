using AsyncCommerce.Api;
using AsyncCommerce.Api.Checkout;
using AsyncCommerce.Notifications;
using AsyncCommerce.Orders;
using AsyncCommerce.Privacy;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace AsyncCommerce.Functions.Checkout;

/// <summary>
/// The storefront's order routes. Each function hands its request to the shared handler in <c>api/</c> and returns
/// the handler's <see cref="IResult"/>, which the ASP.NET Core integration writes to the response. Responses carry
/// the API's own status URL, never the Durable management URLs; GetCheckout's long poll (<c>Prefer: wait</c>) waits on
/// the read model, so a storefront needs none.
/// </summary>
public sealed class CheckoutFunctions(
    CheckoutAcceptance acceptance,
    IOptions<CheckoutOptions> checkoutOptions,
    IOrderViewStore views,
    OrderChangeWait changes,
    IOrderEventStore events,
    INotificationLog notifications,
    PersonalDataProtection protection,
    TimeProvider clock)
{
    [Function(nameof(CommerceRoutes.AcceptCheckout))]
    public async Task<IResult> AcceptCheckout(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = CommerceRoutes.Templates.Checkouts)] HttpRequest request,
        [DurableClient] DurableTaskClient workflows,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await CheckoutEndpoints.AcceptAsync(request, request.Headers[IdempotencyKey.Header], acceptance, checkoutOptions, workflows, cancellationToken);
    }

    [Function(nameof(CommerceRoutes.GetCheckout))]
    public async Task<IResult> GetCheckout(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = CommerceRoutes.Templates.Checkout)] HttpRequest request,
        string orderId,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await CheckoutEndpoints.GetAsync(
            orderId, request.Headers.IfNoneMatch, request.Headers[PreferWait.Header], views, changes, cancellationToken);
    }

    [Function(nameof(CommerceRoutes.GetCheckoutEvents))]
    public async Task<IResult> GetCheckoutEvents(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = CommerceRoutes.Templates.CheckoutEvents)] HttpRequest request,
        string orderId,
        CancellationToken cancellationToken) =>
        await CheckoutEndpoints.GetEventsAsync(orderId, events, protection, cancellationToken);

    [Function(nameof(CommerceRoutes.GetCheckoutNotifications))]
    public async Task<IResult> GetCheckoutNotifications(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = CommerceRoutes.Templates.CheckoutNotifications)] HttpRequest request,
        string orderId,
        CancellationToken cancellationToken) =>
        await CheckoutEndpoints.GetNotificationsAsync(orderId, views, notifications, protection, cancellationToken);

    [Function(nameof(CommerceRoutes.AddPaymentMethod))]
    public async Task<IResult> AddPaymentMethod(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = CommerceRoutes.Templates.CheckoutPayments)] HttpRequest request,
        string orderId,
        [DurableClient] DurableTaskClient workflows,
        CancellationToken cancellationToken) =>
        await CheckoutEndpoints.AddPaymentMethodAsync(orderId, request, views, workflows, cancellationToken);

    [Function(nameof(CommerceRoutes.CancelCheckout))]
    public async Task<IResult> CancelCheckout(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = CommerceRoutes.Templates.CheckoutCancel)] HttpRequest request,
        string orderId,
        [DurableClient] DurableTaskClient workflows,
        CancellationToken cancellationToken) =>
        await CheckoutEndpoints.CancelAsync(orderId, views, workflows, clock, cancellationToken);
}
