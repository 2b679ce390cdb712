using AsyncCommerce.Client;
using AsyncCommerce.GeneratedClientFlows;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;

// Usage: <pickup|delivery> <base URL of a running host>, with ASYNCCOMMERCE_STAFF_TOKEN set for the pickup flow. Exit code 0 when the flow ends as the contract says.
if (args.Length != 2 || !Uri.TryCreate(args[1], UriKind.Absolute, out var baseUrl))
{
    await Console.Error.WriteLineAsync("usage: AsyncCommerce.GeneratedClientFlows <pickup|delivery> <base URL>");
    return 2;
}

// The store staff's token (a JWT whose store claim names store-001) comes from the environment, never the command line.
var staffToken = Environment.GetEnvironmentVariable(StaffToken.Variable);
using var adapter = new HttpClientRequestAdapter(new AnonymousAuthenticationProvider()) { BaseUrl = baseUrl.ToString().TrimEnd('/') };
using var staffAdapter = new HttpClientRequestAdapter(staffToken is null ? new AnonymousAuthenticationProvider() : new StaffToken(staffToken)) { BaseUrl = adapter.BaseUrl };
var client = new CommerceClient(adapter);
var orderId = args[0] switch
{
    "pickup" => await PickupFlow.RunAsync(client, new CommerceClient(staffAdapter)),
    "delivery" => await DeliveryWithFallbackFlow.RunAsync(client),
    _ => throw new ArgumentException($"Unknown flow '{args[0]}'.", nameof(args)),
};
Console.WriteLine($"{args[0]} flow completed order {orderId}");
return 0;
