using AsyncCommerce.Api.Authorization;
using AsyncCommerce.Api.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace AsyncCommerce.Api.OpenApi;

/// <summary>
/// The bearer token of the staff and administration routes: the scheme, the requirement on exactly the operations whose
/// audience has a policy (<see cref="CommerceAccess.PolicyFor"/>, the same table the routes are guarded by), and their
/// 401 and 403 problems.
/// </summary>
internal sealed class BearerSecurity : IOpenApiDocumentTransformer
{
    public const string Scheme = "bearer";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>(StringComparer.Ordinal);
        document.Components.SecuritySchemes[Scheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = $"A JWT from the identity provider (Entra ID in Azure, `dotnet user-jwts` locally). Store staff routes need a '{CommerceAccess.StoreClaim}' "
                + $"claim naming the store of the path; inventory and privacy administration need the role {CommerceAccess.Roles.InventoryAdmin} or {CommerceAccess.Roles.PrivacyAdmin}.",
        };

        var operations = document.Paths?.Values.SelectMany(path => path.Operations?.Values.AsEnumerable() ?? []) ?? [];
        foreach (var operation in operations)
        {
            var route = CommerceRoutes.All.SingleOrDefault(r => r.Name == operation.OperationId);
            if (route is null || CommerceAccess.PolicyFor(route.Audience) is null)
                continue;

            operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Scheme, document)] = [] }];
            operation.Responses ??= [];
            operation.Responses["401"] = Problem(document, "No bearer token, or one that has expired or was not issued for this API.");
            operation.Responses["403"] = Problem(document, Forbidden(route.Audience));
        }

        return Task.CompletedTask;
    }

    private static string Forbidden(ApiAudience audience) => CommerceAccess.RoleFor(audience) is { } role
        ? $"The token does not have the role {role}."
        : $"The token's '{CommerceAccess.StoreClaim}' claim does not name the store of the path.";

    private static OpenApiResponse Problem(OpenApiDocument document, string description) => new()
    {
        Description = description,
        Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal)
        {
            [ProblemResponse.ContentType] = new() { Schema = new OpenApiSchemaReference("ProblemDetails", document) },
        },
    };
}
