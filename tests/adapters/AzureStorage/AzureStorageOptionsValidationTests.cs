namespace AsyncCommerce.Adapters.AzureStorage.Tests;

public sealed class AzureStorageOptionsValidationTests
{
    private readonly AzureStorageOptionsValidation _validation = new();

    [Fact]
    public void Validate_Defaults_Succeed() => Assert.True(_validation.Validate(null, new AzureStorageOptions()).Succeeded);

    [Fact]
    public void Validate_NotAConnectionString_NamesTheSetting() =>
        AssertFails(new AzureStorageOptions { ConnectionString = "not a connection string" }, "Commerce:AzureStorage:ConnectionString must be a storage connection string");

    [Fact]
    public void Validate_AccountKeyCutShort_SaysSoWithoutTheKey()
    {
        const string CutKey = "Eby8vdM02xNOcqFlqUwJPLlmEtl";
        var options = new AzureStorageOptions { ConnectionString = $"DefaultEndpointsProtocol=https;AccountName=shop;AccountKey={CutKey};EndpointSuffix=core.windows.net" };

        AssertFails(options, "Commerce:AzureStorage:ConnectionString has an AccountKey that is not base64");
        Assert.DoesNotContain(_validation.Validate(null, options).Failures!, failure => failure.Contains(CutKey, StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_EndpointThatIsNotAUrl_NamesTheSetting() =>
        AssertFails(
            new AzureStorageOptions { ConnectionString = "AccountName=devstoreaccount1;BlobEndpoint=not a url;QueueEndpoint=not a url;TableEndpoint=not a url" },
            "Commerce:AzureStorage:ConnectionString must be a storage connection string");

    [Fact]
    public void Validate_TaskHubWithAHyphen_NamesTheSettingAndTheValue() =>
        AssertFails(new AzureStorageOptions { TaskHub = "my-hub" }, "Commerce:AzureStorage:TaskHub must be 3 to 45 letters and digits, starting with a letter, not 'my-hub'.");

    private void AssertFails(AzureStorageOptions options, string expected)
    {
        var result = _validation.Validate(null, options);
        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, failure => failure.StartsWith(expected, StringComparison.Ordinal));
    }
}
