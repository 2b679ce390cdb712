using AsyncCommerce.Api;
using AsyncCommerce.Functions.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace AsyncCommerce.Functions.OpenApi;

/// <summary>
/// The Functions app's own part of the document: its routes take a function key (<see cref="FunctionAccess"/>), sent as
/// the <c>x-functions-key</c> header or the <c>code</c> query parameter, on every audience but the anonymous one.
/// </summary>
internal sealed class FunctionKeySecurity : IOpenApiDocumentTransformer
{
    public const string HeaderScheme = "functionKeyHeader";
    public const string QueryScheme = "functionKeyQuery";

    private static readonly string KeyNames = string.Join(", ", Enum.GetValues<ApiAudience>().Select(FunctionAccess.KeyNameFor).OfType<string>());

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>(StringComparer.Ordinal);
        document.Components.SecuritySchemes[HeaderScheme] = Scheme(ParameterLocation.Header, "x-functions-key");
        document.Components.SecuritySchemes[QueryScheme] = Scheme(ParameterLocation.Query, "code");

        var operations = document.Paths?.Values.SelectMany(path => path.Operations?.Values.AsEnumerable() ?? []) ?? [];
        foreach (var operation in operations)
        {
            var route = CommerceRoutes.All.SingleOrDefault(r => r.Name == operation.OperationId);
            if (route is null || FunctionAccess.KeyNameFor(route.Audience) is null)
                continue;

            // Either key scheme opens the route: two requirements, each satisfied alone. A staff or administration route
            // also needs its bearer token (the shared document's requirement), so each requirement carries it as well.
            var alsoRequired = operation.Security?.SelectMany(requirement => requirement).ToList() ?? [];
            operation.Security = [Requirement(HeaderScheme, document, alsoRequired), Requirement(QueryScheme, document, alsoRequired)];
        }

        return Task.CompletedTask;
    }

    private static OpenApiSecurityRequirement Requirement(string keyScheme, OpenApiDocument document, List<KeyValuePair<OpenApiSecuritySchemeReference, List<string>>> alsoRequired)
    {
        var requirement = new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(keyScheme, document)] = [] };
        foreach (var (scheme, scopes) in alsoRequired)
            requirement[scheme] = scopes;
        return requirement;
    }

    private static OpenApiSecurityScheme Scheme(ParameterLocation location, string name) => new()
    {
        Type = SecuritySchemeType.ApiKey,
        In = location,
        Name = name,
        Description = $"The function key of the route's audience (keys named {KeyNames}; the tag says which audience).",
    };
}
