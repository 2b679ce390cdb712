namespace AsyncCommerce.Api.OpenApi;

/// <summary>Endpoint metadata: a request body the OpenAPI document shows, named <paramref name="Name"/>.</summary>
/// <param name="Json">A body that works against the seeded catalog and stores (a test posts every one).</param>
public sealed record RequestExample(string Name, string Summary, string Json);
