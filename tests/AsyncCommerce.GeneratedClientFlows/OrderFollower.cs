using System.Diagnostics;
using AsyncCommerce.Client;
using AsyncCommerce.Client.Models;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;

namespace AsyncCommerce.GeneratedClientFlows;

/// <summary>
/// Follows an order as the contract suggests: one GET for the order and its ETag, then long polls with If-None-Match
/// and Prefer: wait, each answered as soon as the order changes (200) or when the wait ends (304).
/// </summary>
internal sealed class OrderFollower(CommerceClient client)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    public async Task<OrderView> WaitForAsync(string orderId, OrderStatus status)
    {
        var clock = Stopwatch.StartNew();
        var (view, etag) = await GetAsync(orderId, seen: null);
        while (view!.Status != status)
        {
            Expect.That(clock.Elapsed < Deadline, $"order {orderId} to be {status} within {Deadline.TotalSeconds} s; it is {view.Status}");
            var (changed, changedTag) = await GetAsync(orderId, etag);
            if (changed is not null)
                (view, etag) = (changed, changedTag);
        }

        return view;
    }

    private async Task<(OrderView? View, string ETag)> GetAsync(string orderId, string? seen)
    {
        var headers = new HeadersInspectionHandlerOption { InspectResponseHeaders = true };
        try
        {
            var view = await client.Api.Checkouts[orderId].GetAsync(request =>
            {
                request.Options.Add(headers);
                if (seen is null)
                    return;
                request.Headers.Add("If-None-Match", seen);
                request.Headers.Add("Prefer", "wait=5");
            });
            if (view is null)
                return (null, seen!);
            Expect.That(headers.ResponseHeaders.TryGetValue("ETag", out var tags) && tags.Count() == 1, $"an ETag on order {orderId}");
            return (view, headers.ResponseHeaders["ETag"].Single());
        }
        catch (ApiException notModified) when (notModified.ResponseStatusCode == 304 && seen is not null)
        {
            return (null, seen);
        }
    }
}
