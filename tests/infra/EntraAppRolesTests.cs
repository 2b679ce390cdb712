using System.Text.Json.Nodes;
using AsyncCommerce.Api.Authorization;

namespace AsyncCommerce.Infra.Tests;

/// <summary>
/// infra/entra-app-roles.json, the app roles of the API's Entra ID app registration (<c>az ad app create --app-roles</c>):
/// the roles the API's policies ask for, so a token Entra ID issues carries a value the API knows.
/// </summary>
public sealed class EntraAppRolesTests
{
    private static readonly JsonArray Roles = JsonNode.Parse(File.ReadAllText(Path.Combine(BicepCli.InfraDirectory, "entra-app-roles.json")))!.AsArray();

    [Fact]
    public void AppRoles_AreTheRolesThePoliciesNeed()
    {
        Assert.Equal(CommerceAccess.Roles.All.Order(StringComparer.Ordinal), Roles.Select(r => r!["value"]!.GetValue<string>()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void AppRoles_EachEnabled_WithItsOwnId_ForUsersAndApplications()
    {
        var ids = Roles.Select(r => Guid.Parse(r!["id"]!.GetValue<string>())).ToList();

        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(Roles, r =>
        {
            Assert.True(r!["isEnabled"]!.GetValue<bool>());
            Assert.Equal(["Application", "User"], r["allowedMemberTypes"]!.AsArray().Select(t => t!.GetValue<string>()).Order(StringComparer.Ordinal));
            Assert.False(string.IsNullOrWhiteSpace(r["description"]?.GetValue<string>()));
        });
    }
}
