namespace AsyncCommerce.Infra.Tests.Modules;

/// <summary>The app's managed identity holds exactly the data-plane roles it needs, each on the narrowest scope.</summary>
[Collection(InfraCollection.Name)]
public sealed class RoleAssignmentsTests(CompiledInfra infra)
{
    private const string RoleAssignment = "Microsoft.Authorization/roleAssignments";
    private const string CosmosBuiltInDataContributor = "00000000-0000-0000-0000-000000000002";

    /// <summary>Built-in Azure roles: (role, its definition id, the type of the resource it is scoped to).</summary>
    private static readonly (string Role, string DefinitionId, string ScopeType)[] ExpectedGrants =
    [
        ("Storage Blob Data Owner", "b7e6dc6d-f1e8-4753-8033-0f276bb0955b", "Microsoft.Storage/storageAccounts"),
        ("Storage Queue Data Contributor", "974c5e8b-45b9-4653-ba55-5f855dd0fb88", "Microsoft.Storage/storageAccounts"),
        ("Storage Table Data Contributor", "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3", "Microsoft.Storage/storageAccounts"),
        ("Azure Service Bus Data Sender", "69a216fc-b8fb-44d8-bc22-1f3c2cd27a39", "Microsoft.ServiceBus/namespaces/topics"),
        ("Azure Service Bus Data Receiver", "4f6d3b9b-027b-4f4c-9142-0e5a2a2247e0", "Microsoft.ServiceBus/namespaces/topics"),
        ("Monitoring Metrics Publisher", "3913510d-42f4-4e42-8a64-420c390055eb", "Microsoft.Insights/components"),
    ];

    [Theory]
    [MemberData(nameof(CompiledInfra.Environments), MemberType = typeof(CompiledInfra))]
    public void AppIdentity_HoldsExactlyTheExpectedRoles_OnTheirResources(string environment)
    {
        var snapshot = infra.Snapshot(environment);
        var expected = ExpectedGrants
            .Select(g => $"{g.Role} on {snapshot.Single(g.ScopeType).Id}")
            .Order(StringComparer.Ordinal);

        var actual = snapshot.OfType(RoleAssignment)
            .Select(a => $"{RoleName(a.String("properties.roleDefinitionId")!)} on {ScopeOf(a)}")
            .Order(StringComparer.Ordinal);

        Assert.Equal(expected, actual);
    }

    [Theory]
    [MemberData(nameof(CompiledInfra.Environments), MemberType = typeof(CompiledInfra))]
    public void EveryRoleAssignment_IsForTheAppsManagedIdentity(string environment)
    {
        var snapshot = infra.Snapshot(environment);
        var app = snapshot.Single("Microsoft.Web/sites");

        Assert.All(snapshot.OfType(RoleAssignment), a =>
        {
            Assert.True(DeploymentSnapshot.IsReferenceTo(a.String("properties.principalId"), app.Id, "identity.principalId"),
                $"{a} is granted to {a.String("properties.principalId")}.");
            Assert.Equal("ServicePrincipal", a.String("properties.principalType"));
            Assert.StartsWith("/subscriptions/", a.String("properties.roleDefinitionId"), StringComparison.Ordinal);
        });
    }

    [Theory]
    [MemberData(nameof(CompiledInfra.Environments), MemberType = typeof(CompiledInfra))]
    public void AppIdentity_HasTheCosmosDataContributorRole_OnTheAccount(string environment)
    {
        var snapshot = infra.Snapshot(environment);
        var app = snapshot.Single("Microsoft.Web/sites");
        var account = snapshot.Single("Microsoft.DocumentDB/databaseAccounts");

        var assignment = snapshot.Single("Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments");

        Assert.Equal($"{account.Id}/sqlRoleDefinitions/{CosmosBuiltInDataContributor}", assignment.String("properties.roleDefinitionId"));
        Assert.Equal(account.Id, assignment.String("properties.scope"));
        Assert.True(DeploymentSnapshot.IsReferenceTo(assignment.String("properties.principalId"), app.Id, "identity.principalId"));
    }

    private static string RoleName(string roleDefinitionId)
    {
        var id = roleDefinitionId[(roleDefinitionId.LastIndexOf('/') + 1)..];
        return ExpectedGrants.FirstOrDefault(g => g.DefinitionId == id).Role ?? $"role {id}";
    }

    /// <summary>The resource a role assignment is scoped to: its id before <c>/providers/Microsoft.Authorization/</c>.</summary>
    private static string ScopeOf(ArmResource assignment) =>
        assignment.Id[..assignment.Id.IndexOf("/providers/Microsoft.Authorization/", StringComparison.OrdinalIgnoreCase)];
}
