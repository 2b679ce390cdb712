namespace AsyncCommerce.Infra.Tests.Modules;

/// <summary>The Cosmos DB account, database and containers, named as in infra/azure-names.json.</summary>
[Collection(InfraCollection.Name)]
public sealed class DatabaseTests(CompiledInfra infra)
{
    [Theory]
    [MemberData(nameof(CompiledInfra.Environments), MemberType = typeof(CompiledInfra))]
    public void CosmosAccounts_HaveLocalAuthDisabled_AndTls12(string environment)
    {
        var accounts = infra.Snapshot(environment).OfType("Microsoft.DocumentDB/databaseAccounts");

        Assert.NotEmpty(accounts);
        Assert.All(accounts, account =>
        {
            Assert.True(account.Bool("properties.disableLocalAuth"), $"{account} accepts account keys.");
            Assert.True(account.Bool("properties.disableKeyBasedMetadataWriteAccess"), $"{account} lets keys change databases and containers.");
            Assert.Equal("Tls12", account.String("properties.minimalTlsVersion"));
        });
    }

    [Theory]
    [MemberData(nameof(CompiledInfra.Environments), MemberType = typeof(CompiledInfra))]
    public void Database_IsNamedAsInTheCode(string environment)
    {
        var database = infra.Snapshot(environment).Single("Microsoft.DocumentDB/databaseAccounts/sqlDatabases");

        Assert.Equal(infra.Names.Database, database.ShortName);
        Assert.Equal(infra.Names.Database, database.String("properties.resource.id"));
    }

    [Theory]
    [MemberData(nameof(CompiledInfra.Environments), MemberType = typeof(CompiledInfra))]
    public void Containers_HaveTheNamesPartitionKeysAndTtlsTheAdaptersExpect(string environment)
    {
        var snapshot = infra.Snapshot(environment);
        var database = snapshot.Single("Microsoft.DocumentDB/databaseAccounts/sqlDatabases");
        var containers = snapshot.OfType("Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers")
            .Select(c => new ContainerName(
                c.String("properties.resource.id")!,
                Assert.Single(c.At("properties.resource.partitionKey.paths")!.AsArray())!.GetValue<string>(),
                c.Int("properties.resource.defaultTtl")))
            .OrderBy(c => c.Name, StringComparer.Ordinal);

        Assert.Equal(infra.Names.Containers.OrderBy(c => c.Name, StringComparer.Ordinal), containers);
        Assert.All(snapshot.OfType("Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers"), c =>
            Assert.Equal($"{database.Name}/{c.ShortName}", c.Name));
    }

    [Theory]
    [MemberData(nameof(CompiledInfra.Environments), MemberType = typeof(CompiledInfra))]
    public void LeaseContainer_IsDeployedPartitionedByIdAsTheChangeFeedProcessorRequires(string environment)
    {
        var leases = Assert.Single(
            infra.Snapshot(environment).OfType("Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers"),
            c => c.String("properties.resource.id") == infra.Names.Leases.Name);

        Assert.Equal("/id", Assert.Single(leases.At("properties.resource.partitionKey.paths")!.AsArray())!.GetValue<string>());
        Assert.Null(leases.Int("properties.resource.defaultTtl"));
    }
}
