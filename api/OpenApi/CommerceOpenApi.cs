namespace AsyncCommerce.Api.OpenApi;

/// <summary>Where the contract's OpenAPI document is served, by both hosts.</summary>
public static class CommerceOpenApi
{
    public const string DocumentName = "v1";

    /// <summary>The local host's path; the Functions app serves the same document under its <c>/api</c> prefix.</summary>
    public const string Path = "/openapi/" + DocumentName + ".json";
}
