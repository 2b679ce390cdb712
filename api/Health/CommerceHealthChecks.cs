namespace AsyncCommerce.Api.Health;

/// <summary>
/// The names <c>GET /api/health</c> reports the checks of every host under. Each adapter names the check of the
/// dependency it reaches (<c>cosmos</c>, <c>serviceBus</c>, <c>tables</c>) where it registers it.
/// </summary>
public static class CommerceHealthChecks
{
    /// <summary>The catalog and store directory (every host).</summary>
    public const string Catalog = "catalog";

    /// <summary>The Durable Task backend, through the client the host gives the route (every host).</summary>
    public const string Workflows = "workflows";
}
