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
    public void Validate_TaskHubWithAHyphen_NamesTheSettingAndTheValue() =>
        AssertFails(new AzureStorageOptions { TaskHub = "my-hub" }, "Commerce:AzureStorage:TaskHub must be 3 to 45 letters and digits, starting with a letter, not 'my-hub'.");

    [Fact]
    public void Validate_KeyRetentionUnderTheApisDay_NamesTheSetting() =>
        AssertFails(new AzureStorageOptions { IdempotencyKeyRetention = TimeSpan.FromHours(23) }, "Commerce:AzureStorage:IdempotencyKeyRetention must be at least 24 hours");

    [Fact]
    public void Validate_KeyRetentionOfExactlyADay_Succeeds() =>
        Assert.True(_validation.Validate(null, new AzureStorageOptions { IdempotencyKeyRetention = TimeSpan.FromHours(24) }).Succeeded);

    private void AssertFails(AzureStorageOptions options, string expected)
    {
        var result = _validation.Validate(null, options);
        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, failure => failure.StartsWith(expected, StringComparison.Ordinal));
    }
}
