using System.Net;
using AsyncCommerce.Benchmarks.CheckoutThroughput.Load.Api;

namespace AsyncCommerce.Benchmarks.CheckoutThroughput.Load.Run;

/// <summary>
/// The store's side of a pickup order, played by the tool: staff mark a confirmed order ready as soon as they see it,
/// and the customer comes at once with the code. Staff learn of orders from the follower rather than by reading the
/// store's queue: the queue read is not part of the cost per order the run measures.
/// </summary>
internal sealed class StoreStaff(CommerceClient client, ErrorTally errors)
{
    public async Task MarkReadyAsync(TrackedOrder order, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        order.ReadySent = true;
        await CallAsync("POST ready", () => client.MarkReadyAsync(order.Script.StoreId!, order.OrderId, cancellationToken), cancellationToken);
    }

    public async Task CollectAsync(TrackedOrder order, string code, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        order.CollectSent = true;
        await CallAsync("POST collect", () => client.CollectAsync(order.Script.StoreId!, order.OrderId, code, cancellationToken), cancellationToken);
    }

    private async Task CallAsync(string operation, Func<Task<HttpResponseMessage>> call, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await call();
            if (response.StatusCode != HttpStatusCode.Accepted)
                errors.Add(await CallFailure.DescribeAsync(operation, response, cancellationToken));
        }
        catch (Exception error) when (error is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            errors.Add(CallFailure.Describe(operation, error));
        }
    }
}
