using System.Net.Http.Headers;
using System.Security.Cryptography;
using AsyncCommerce.Api.Authorization;
using AsyncCommerce.Catalog;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AsyncCommerce.Testing;

/// <summary>
/// Bearer tokens as the hosts under test accept them: signed with a key made for this test run and configured into
/// every host (<see cref="Settings"/>) in the section and shape <c>dotnet user-jwts</c> writes to user secrets.
/// </summary>
public static class TestTokens
{
    public const string Issuer = "asynccommerce-tests";
    public const string Audience = "http://localhost:7071";

    private static readonly byte[] Key = RandomNumberGenerator.GetBytes(32);
    private static readonly Lazy<string> OperatorToken = new(() => Create(SeedData.Stores.Select(s => s.StoreId), CommerceAccess.Roles.All));

    /// <summary>The host settings that make it accept these tokens.</summary>
    public static IReadOnlyDictionary<string, string?> Settings { get; } = CommerceAccess.SigningKeySettings(Issuer, Audience, "tests", Key);

    /// <summary>Staff of every seeded store with every administration role: what the shared test clients send.</summary>
    public static string Operator => OperatorToken.Value;

    /// <summary>
    /// A token naming <paramref name="stores"/> and <paramref name="roles"/>. Roles go in <c>roles</c> as Entra ID sends
    /// them, or in <c>role</c> as <c>dotnet user-jwts --role</c> does (<paramref name="roleClaim"/>).
    /// </summary>
    public static string Create(IEnumerable<string>? stores = null, IEnumerable<string>? roles = null, TimeSpan? expiresIn = null, string roleClaim = "roles", byte[]? signingKey = null)
    {
        // Past the validator's five minutes of clock skew when the caller asks for an expired one.
        var expires = DateTime.UtcNow + (expiresIn ?? TimeSpan.FromHours(8));
        var claims = new Dictionary<string, object>(StringComparer.Ordinal) { ["sub"] = "test-user" };
        if (stores?.ToArray() is { Length: > 0 } storeIds)
            claims[CommerceAccess.StoreClaim] = storeIds;
        if (roles?.ToArray() is { Length: > 0 } roleNames)
            claims[roleClaim] = roleNames;

        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            IssuedAt = expires.AddHours(-9),
            NotBefore = expires.AddHours(-9),
            Expires = expires,
            Claims = claims,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(signingKey ?? Key), SecurityAlgorithms.HmacSha256),
        });
    }

    public static string ForStores(params string[] stores) => Create(stores: stores);

    public static string WithRoles(params string[] roles) => Create(roles: roles);

    public static string Expired() => Create(SeedData.Stores.Select(s => s.StoreId), CommerceAccess.Roles.All, TimeSpan.FromMinutes(-10));

    /// <summary>Sets (or with null, removes) the bearer token <paramref name="http"/> sends.</summary>
    public static HttpClient WithToken(this HttpClient http, string? token)
    {
        ArgumentNullException.ThrowIfNull(http);
        http.DefaultRequestHeaders.Authorization = token is null ? null : new AuthenticationHeaderValue(CommerceAccess.BearerScheme, token);
        return http;
    }
}
