using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace AsyncCommerce.Api.Authorization;

/// <summary>
/// Who may act on the staff and administration routes, named once: the bearer token's claims and roles, the policies
/// that check them, and which audience of <see cref="CommerceRoutes"/> each policy guards. Both hosts, the OpenAPI
/// document, <c>infra/</c> (the Entra ID app roles) and the tests read these names from here.
/// </summary>
public static class CommerceAccess
{
    /// <summary>The authentication scheme of the bearer token: JwtBearer's default name, the one <c>dotnet user-jwts</c> configures.</summary>
    public const string BearerScheme = JwtBearerDefaults.AuthenticationScheme;

    /// <summary>
    /// Where JwtBearer reads its settings by the framework's convention, in both hosts: issuer, audiences and signing keys
    /// as <c>dotnet user-jwts</c> writes them to the local host's user secrets; in Azure the Entra ID tenant's
    /// <c>Authority</c>, <c>ValidIssuer</c> and <c>ValidAudiences</c>, which <c>infra/</c> sets as app settings.
    /// </summary>
    public const string BearerSettings = "Authentication:Schemes:" + BearerScheme;

    /// <summary>
    /// The settings under <see cref="BearerSettings"/> that make a host accept tokens from <paramref name="issuer"/> for
    /// <paramref name="audience"/> signed with one symmetric key, in the shape <c>dotnet user-jwts</c> writes them: what
    /// the tests' tokens and the local host's warm-up configure.
    /// </summary>
    public static Dictionary<string, string?> SigningKeySettings(string issuer, string audience, string keyId, byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new()
        {
            [$"{BearerSettings}:ValidIssuer"] = issuer,
            [$"{BearerSettings}:ValidAudiences:0"] = audience,
            [$"{BearerSettings}:SigningKeys:0:Id"] = keyId,
            [$"{BearerSettings}:SigningKeys:0:Issuer"] = issuer,
            [$"{BearerSettings}:SigningKeys:0:Value"] = Convert.ToBase64String(key),
            [$"{BearerSettings}:SigningKeys:0:Length"] = key.Length.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    /// <summary>The claim naming a store the caller works for; a token may carry it once per store.</summary>
    public const string StoreClaim = "store";

    /// <summary>App roles of the token (Entra ID sends them in <c>roles</c>, <c>dotnet user-jwts --role</c> in <c>role</c>).</summary>
    public static class Roles
    {
        public const string InventoryAdmin = "Inventory.Admin";
        public const string PrivacyAdmin = "Privacy.Admin";

        public static IReadOnlyList<string> All { get; } = [InventoryAdmin, PrivacyAdmin];
    }

    public static class Policies
    {
        /// <summary>A token whose <see cref="StoreClaim"/> names the store of the route's <c>{storeId}</c>.</summary>
        public const string StoreStaff = "StoreStaff";

        /// <summary>A token with the <see cref="Roles.InventoryAdmin"/> role.</summary>
        public const string InventoryAdmin = "InventoryAdmin";

        /// <summary>A token with the <see cref="Roles.PrivacyAdmin"/> role.</summary>
        public const string PrivacyAdmin = "PrivacyAdmin";
    }

    /// <summary>The role an administration audience needs; null for the others.</summary>
    public static string? RoleFor(ApiAudience audience) => audience switch
    {
        ApiAudience.InventoryAdmin => Roles.InventoryAdmin,
        ApiAudience.PrivacyAdmin => Roles.PrivacyAdmin,
        _ => null,
    };

    /// <summary>The policy that guards every route of <paramref name="audience"/>; null where a function key (or nothing) is enough.</summary>
    public static string? PolicyFor(ApiAudience audience) => audience switch
    {
        ApiAudience.StoreStaff => Policies.StoreStaff,
        ApiAudience.InventoryAdmin => Policies.InventoryAdmin,
        ApiAudience.PrivacyAdmin => Policies.PrivacyAdmin,
        ApiAudience.Storefront or ApiAudience.Anonymous => null,
        _ => throw new ArgumentOutOfRangeException(nameof(audience), audience, "Unknown audience."),
    };
}
