using AsyncCommerce.LocalHost.Leveling;
using Microsoft.AspNetCore.Http;

namespace AsyncCommerce.LocalHost.Tests.Leveling;

/// <summary>Checkouts arriving now, through the real middleware: how the leveling tests make (or fall short of) a burst.</summary>
internal static class ArrivingCheckouts
{
    public static async Task ArriveAsync(this CheckoutArrivals arrivals, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var context = new DefaultHttpContext();
            context.Request.Method = HttpMethods.Post;
            context.Request.Path = "/api/checkouts";
            await arrivals.InvokeAsync(context, _ => Task.CompletedTask);
        }
    }
}
