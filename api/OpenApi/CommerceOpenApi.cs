namespace AsyncCommerce.Api.OpenApi;

/// <summary>Where the contract's OpenAPI document is served, by both hosts.</summary>
public static class CommerceOpenApi
{
    public const string DocumentName = "v1";

    /// <summary>The document's route below a host's root: the local host serves it there, the Functions app under its <c>/api</c> prefix.</summary>
    public const string Route = "openapi/" + DocumentName + ".json";

    /// <summary>The local host's path of the document.</summary>
    public const string Path = "/" + Route;
}
