using AsyncCommerce.Api;
using Microsoft.Azure.Functions.Worker;

namespace AsyncCommerce.Functions.Http;

/// <summary>
/// How each audience of <see cref="CommerceRoutes"/> is let in. Storefronts, store staff and inventory
/// administrators each hold a function key of their own, named <see cref="KeyNameFor"/>, that exists only on the
/// functions of their audience: one audience's key opens none of another's routes. Host keys (which open every
/// function) and the master key are for operators and are never handed to callers. Health is anonymous.
/// </summary>
public static class FunctionAccess
{
    /// <summary>The level in the <c>[HttpTrigger]</c> of every route of <paramref name="audience"/> (attributes need constants, so tests hold them to this).</summary>
    public static AuthorizationLevel LevelFor(ApiAudience audience) =>
        audience == ApiAudience.Anonymous ? AuthorizationLevel.Anonymous : AuthorizationLevel.Function;

    /// <summary>The name of the function key an audience's callers use (sent as <c>x-functions-key</c>).</summary>
    public static string? KeyNameFor(ApiAudience audience) => audience switch
    {
        ApiAudience.Storefront => "storefront",
        ApiAudience.StoreStaff => "store-staff",
        ApiAudience.InventoryAdmin => "inventory-admin",
        ApiAudience.PrivacyAdmin => "privacy-admin",
        ApiAudience.Anonymous => null,
        _ => throw new ArgumentOutOfRangeException(nameof(audience), audience, "Unknown audience."),
    };
}
