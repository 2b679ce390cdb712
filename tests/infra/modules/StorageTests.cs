namespace AsyncCommerce.Infra.Tests.Modules;

[Collection(InfraCollection.Name)]
public sealed class StorageTests(CompiledInfra infra)
{
    [Theory]
    [MemberData(nameof(CompiledInfra.Environments), MemberType = typeof(CompiledInfra))]
    public void StorageAccounts_AllowNoSharedKey_NoPublicBlobs_OnlyHttpsAndTls12(string environment)
    {
        var accounts = infra.Snapshot(environment).OfType("Microsoft.Storage/storageAccounts");

        Assert.NotEmpty(accounts);
        Assert.All(accounts, account =>
        {
            Assert.False(account.Bool("properties.allowSharedKeyAccess") ?? true, $"{account} allows shared-key access.");
            Assert.True(account.Bool("properties.defaultToOAuthAuthentication"), $"{account} does not default to Entra auth.");
            Assert.False(account.Bool("properties.allowBlobPublicAccess") ?? true, $"{account} allows public blobs.");
            Assert.True(account.Bool("properties.supportsHttpsTrafficOnly") ?? true, $"{account} allows HTTP.");
            Assert.Equal("TLS1_2", account.String("properties.minimumTlsVersion"));
        });
    }
}
