using AsyncCommerce.Catalog;
using AsyncCommerce.Testing;
using AsyncCommerce.Testing.Contract;
using Microsoft.Extensions.DependencyInjection;

namespace AsyncCommerce.Api.Tests.OpenApi;

/// <summary>
/// The check every test's exchanges go through (<see cref="ContractChecking"/>) fails a call that departs from the
/// served document, in either direction: a response the document does not describe, or a request the host accepted
/// that the document does not allow.
/// </summary>
public sealed class ContractCheckingTests
{
    [Fact]
    public async Task Response_MissingARequiredMember_FailsTheCall()
    {
        await using var app = new CommerceApp();
        var http = app.WithServices(services => services.AddSingleton<ICatalog>(new NamelessCatalog())).CreateClient();

        var failure = await Assert.ThrowsAsync<ContractViolationException>(() => http.GetAsync(new Uri("/api/catalog", UriKind.Relative)));

        Assert.Contains("name", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AcceptedRequest_OutsideTheDocument_FailsTheCall()
    {
        await using var app = new CommerceApp();

        // The validator reads payment methods case-insensitively; the document names them in lower case only.
        var failure = await Assert.ThrowsAsync<ContractViolationException>(
            () => app.CreateClient().PostCheckoutAsync(CheckoutBody.Pickup().WithPayments(("CARD", "tok_visa"))));

        Assert.Contains("accepted request body", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_StatusTheOperationDoesNotDocument_IsAViolation()
    {
        await using var app = new CommerceApp();
        var contract = await app.CreateClient().GetContractAsync();

        var violations = contract.Check(Exchange("GET", "/api/catalog", status: 404, body: "", contentType: ""));

        Assert.Contains(violations, v => v.Contains("status 404 is not documented", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Check_AcceptedCheckoutWithoutLocation_IsAViolation()
    {
        await using var app = new CommerceApp();
        var contract = await app.CreateClient().GetContractAsync();

        var violations = contract.Check(Exchange(
            "POST", "/api/checkouts", status: 202, body: """{"orderId":"ord_1","status":"Accepted","statusUrl":"/api/checkouts/ord_1"}""", contentType: "application/json"));

        Assert.Contains(violations, v => v.Contains("Location", StringComparison.Ordinal));
    }

    private static HttpExchange Exchange(string method, string route, int status, string body, string contentType) => new(
        method,
        route,
        new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase),
        "",
        status,
        new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Content-Type"] = contentType },
        body);

    /// <summary>A catalog whose items lost their names: a response the document says cannot happen.</summary>
    private sealed class NamelessCatalog : ICatalog
    {
        public Task<IReadOnlyList<CatalogItem>> ListItemsAsync(CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<CatalogItem>>([new CatalogItem("SKU-1001", null!, 1m, "USD")]);

        public Task<CatalogItem?> FindItemAsync(string sku, CancellationToken cancellationToken = default) => Task.FromResult<CatalogItem?>(null);

        public Task<IReadOnlyList<Store>> ListStoresAsync(CancellationToken cancellationToken = default) => Task.FromResult<IReadOnlyList<Store>>([]);

        public Task<Store?> FindStoreAsync(string storeId, CancellationToken cancellationToken = default) => Task.FromResult<Store?>(null);
    }
}
