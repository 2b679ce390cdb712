using AsyncCommerce.Api.OpenApi;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace AsyncCommerce.Testing.Contract;

/// <summary>
/// Checks every exchange with an API route against the document the same host serves, outside the host's own
/// pipeline: a violation throws, and the test server hands the exception to the test's HTTP call, so drift between
/// the code and its document fails whichever test met it.
/// </summary>
public sealed class ContractChecking : IStartupFilter
{
    public static void AddTo(IServiceCollection services)
    {
        services.AddSingleton<IStartupFilter, ContractChecking>();
        services.AddSingleton<ContractViolations>();
        services.AddSingleton<ContactLeaks>();
    }

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        var document = new Lazy<Task<ServedContract>>(() => FetchAsync(app.ApplicationServices));
        var found = app.ApplicationServices.GetRequiredService<ContractViolations>();
        var leaks = app.ApplicationServices.GetRequiredService<ContactLeaks>();
        app.Use(async (context, inner) => await CheckAsync(context, inner, document, found, leaks));
        next(app);
    };

    private static async Task CheckAsync(HttpContext context, RequestDelegate inner, Lazy<Task<ServedContract>> document, ContractViolations found, ContactLeaks leaks)
    {
        context.Request.EnableBuffering();
        var sent = context.Response.Body;
        using var written = new MemoryStream();
        context.Response.Body = written;
        try
        {
            await inner(context);
        }
        finally
        {
            context.Response.Body = sent;
        }

        if (context.Request.Path.StartsWithSegments("/" + Api.CommerceRoutes.Prefix, StringComparison.Ordinal))
            await CheckContactsMaskedAsync(context, written, found, leaks);

        if (RouteOf(context) is { } route && !context.RequestAborted.IsCancellationRequested)
        {
            var violations = (await document.Value).Check(await RecordAsync(context, route, written));
            found.Add(violations);
            if (violations.Count > 0)
                throw ContractViolationException.For(violations);
        }

        written.Position = 0;
        await written.CopyToAsync(sent, context.RequestAborted);
    }

    // Every answer under /api, routed or not. The OpenAPI document is left out: its request examples show what a
    // storefront sends, which is the customer's own input, not something the API hands out.
    private static async Task CheckContactsMaskedAsync(HttpContext context, MemoryStream written, ContractViolations found, ContactLeaks leaks)
    {
        context.Request.Body.Position = 0;
        using var requestReader = new StreamReader(context.Request.Body, leaveOpen: true);
        leaks.Learn(await requestReader.ReadToEndAsync());
        context.Request.Body.Position = 0;
        written.Position = 0;
        using var responseReader = new StreamReader(written, leaveOpen: true);
        var leaked = leaks.Find(await responseReader.ReadToEndAsync());
        if (leaked.Count == 0)
            return;

        var violation = $"{context.Request.Method} {context.Request.Path} answered {context.Response.StatusCode} with unmasked contact details: {string.Join(", ", leaked)}";
        found.Add([violation]);
        throw new ContractViolationException(violation);
    }

    /// <summary>The API route that answered; after an exception the handler's endpoint is the one that failed.</summary>
    private static string? RouteOf(HttpContext context)
    {
        var endpoint = context.GetEndpoint() ?? context.Features.Get<IExceptionHandlerFeature>()?.Endpoint;
        var route = (endpoint as RouteEndpoint)?.RoutePattern.RawText;
        return route is not null && route.StartsWith("/api/", StringComparison.Ordinal) ? route : null;
    }

    private static async Task<HttpExchange> RecordAsync(HttpContext context, string route, MemoryStream written)
    {
        var request = context.Request;
        request.Body.Position = 0;
        using var requestReader = new StreamReader(request.Body, leaveOpen: true);
        var requestBody = await requestReader.ReadToEndAsync();
        written.Position = 0;
        using var responseReader = new StreamReader(written, leaveOpen: true);
        var responseBody = await responseReader.ReadToEndAsync();
        return new HttpExchange(
            request.Method,
            route,
            Flatten(request.Headers),
            requestBody,
            context.Response.StatusCode,
            Flatten(context.Response.Headers),
            responseBody);
    }

    private static Dictionary<string, string> Flatten(IHeaderDictionary headers) =>
        headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);

    /// <summary>The document as served: fetched through the host's own server (test server or Kestrel), once per host.</summary>
    private static async Task<ServedContract> FetchAsync(IServiceProvider services)
    {
        var server = services.GetRequiredService<IServer>();
        using var client = server is TestServer testServer
            ? testServer.CreateClient()
            : new HttpClient { BaseAddress = new Uri(server.Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First()) };
        return ServedContract.From(await client.GetStringAsync(new Uri(CommerceOpenApi.Path, UriKind.Relative)));
    }
}
