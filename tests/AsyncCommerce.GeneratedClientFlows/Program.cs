using AsyncCommerce.Client;
using AsyncCommerce.GeneratedClientFlows;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;

// Usage: <pickup|delivery> <base URL of a running host>. Exit code 0 when the flow ends as the contract says.
if (args.Length != 2 || !Uri.TryCreate(args[1], UriKind.Absolute, out var baseUrl))
{
    await Console.Error.WriteLineAsync("usage: AsyncCommerce.GeneratedClientFlows <pickup|delivery> <base URL>");
    return 2;
}

using var adapter = new HttpClientRequestAdapter(new AnonymousAuthenticationProvider()) { BaseUrl = baseUrl.ToString().TrimEnd('/') };
var client = new CommerceClient(adapter);
var orderId = args[0] switch
{
    "pickup" => await PickupFlow.RunAsync(client),
    "delivery" => await DeliveryWithFallbackFlow.RunAsync(client),
    _ => throw new ArgumentException($"Unknown flow '{args[0]}'.", nameof(args)),
};
Console.WriteLine($"{args[0]} flow completed order {orderId}");
return 0;
