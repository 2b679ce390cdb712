using System.ComponentModel;
using AsyncCommerce.Api.Http;
using AsyncCommerce.Checkout;
using AsyncCommerce.Privacy;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AsyncCommerce.Api.Privacy;

/// <summary>The privacy administrator's routes: a customer's right to erasure (GDPR article 17).</summary>
public static class PrivacyEndpoints
{
    /// <summary>
    /// Erases the customer's personal data from every store at once, by destroying the key it is sealed with. Their
    /// orders stay (amounts, statuses, the event sequence) and are no longer notified. <c>204</c> every time, also for
    /// a customer never seen: the same answer whether or not there was anything to erase.
    /// </summary>
    [EndpointSummary("Erase a customer's personal data")]
    [EndpointDescription(
        "Makes the customer's contact details unrecoverable in every store (order events, read models, notification log, idempotency "
        + "records) by destroying the data key they are sealed with; the order streams are not rewritten. The orders stay readable with "
        + "their amounts, statuses and events; notifications for them are no longer sent. Idempotent: `204` however often it is called, "
        + "also for an unknown customer. A later checkout by the same customer id starts with a fresh key.")]
    public static async Task<Results<NoContent, ValidationProblem>> EraseAsync(
        [Description("The customer id the storefront sent at checkout.")] string customerId,
        [FromServices] PersonalDataErasure erasure,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(erasure);
        if (string.IsNullOrWhiteSpace(customerId) || customerId.Trim().Length > CheckoutLimits.MaxIdLength)
            return Problems.Validation("customerId", $"A customer id of 1 to {CheckoutLimits.MaxIdLength} characters is required.");

        // Trimmed as the checkout validator trims it, so that the key destroyed is the one the orders were sealed with.
        await erasure.EraseAsync(customerId.Trim(), cancellationToken);
        return TypedResults.NoContent();
    }
}
