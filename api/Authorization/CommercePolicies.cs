using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace AsyncCommerce.Api.Authorization;

/// <summary>The policies of <see cref="CommerceAccess.Policies"/>, each authenticating with the bearer scheme; all open while authorization is off.</summary>
internal sealed class CommercePolicies(IOptions<CommerceAuthorizationOptions> settings) : IConfigureOptions<AuthorizationOptions>
{
    private static readonly AuthorizationPolicy Open = new AuthorizationPolicyBuilder().RequireAssertion(_ => true).Build();

    public void Configure(AuthorizationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Add(options, CommerceAccess.Policies.StoreStaff, policy => policy.AddRequirements(new StoreStaffRequirement()));
        Add(options, CommerceAccess.Policies.InventoryAdmin, policy => policy.RequireRole(CommerceAccess.Roles.InventoryAdmin));
        Add(options, CommerceAccess.Policies.PrivacyAdmin, policy => policy.RequireRole(CommerceAccess.Roles.PrivacyAdmin));
    }

    private void Add(AuthorizationOptions options, string name, Action<AuthorizationPolicyBuilder> require)
    {
        if (!settings.Value.Enabled)
        {
            options.AddPolicy(name, Open);
            return;
        }

        var policy = new AuthorizationPolicyBuilder(CommerceAccess.BearerScheme).RequireAuthenticatedUser();
        require(policy);
        options.AddPolicy(name, policy.Build());
    }
}
