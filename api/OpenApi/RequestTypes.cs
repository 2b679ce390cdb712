using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;

namespace AsyncCommerce.Api.OpenApi;

/// <summary>
/// The types a client sends: the bodies the routes accept and every type they contain. Their schemas follow the
/// request rules of <see cref="ContractPresence"/>, read from the routes' own declarations rather than a list here.
/// </summary>
internal sealed class RequestTypes(EndpointDataSource endpoints)
{
    private readonly Lazy<IReadOnlySet<Type>> _types = new(() => Collect(endpoints));

    public bool Contains(Type type) => _types.Value.Contains(type);

    private static HashSet<Type> Collect(EndpointDataSource endpoints)
    {
        var found = new HashSet<Type>();
        var bodies = endpoints.Endpoints
            .SelectMany(e => e.Metadata.OfType<IAcceptsMetadata>())
            .Select(a => a.RequestType)
            .OfType<Type>();
        foreach (var body in bodies)
            Visit(body, found);
        return found;
    }

    private static void Visit(Type type, HashSet<Type> found)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsGenericType)
        {
            foreach (var argument in type.GetGenericArguments())
                Visit(argument, found);
            return;
        }

        if (type.Namespace?.StartsWith(nameof(AsyncCommerce), StringComparison.Ordinal) != true || !found.Add(type))
            return;
        foreach (var property in type.GetProperties())
            Visit(property.PropertyType, found);
    }
}
