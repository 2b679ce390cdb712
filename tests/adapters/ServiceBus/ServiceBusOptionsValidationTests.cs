using Azure.Messaging.ServiceBus;

namespace AsyncCommerce.Adapters.ServiceBus.Tests;

public sealed class ServiceBusOptionsValidationTests
{
    private readonly ServiceBusOptionsValidation _validation = new();

    [Fact]
    public void Validate_WithTheNamespaceOnly_Succeeds()
    {
        var result = _validation.Validate(null, new ServiceBusOptions { FullyQualifiedNamespace = "commerce-abc123.servicebus.windows.net" });

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void Validate_WithTheEmulatorConnectionStringOnly_Succeeds()
    {
        var result = _validation.Validate(null, new ServiceBusOptions { ConnectionString = "Endpoint=sb://localhost;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=SAS_KEY_VALUE;UseDevelopmentEmulator=true;" });

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void Validate_WithoutNamespaceOrConnectionString_NamesTheSettingAndItsEnvironmentVariable()
    {
        var result = _validation.Validate(null, new ServiceBusOptions());

        Assert.True(result.Failed);
        Assert.Contains("ServiceBus:FullyQualifiedNamespace", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("ServiceBus__fullyQualifiedNamespace", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WithBothNamespaceAndConnectionString_Fails()
    {
        var result = _validation.Validate(null, new ServiceBusOptions
        {
            FullyQualifiedNamespace = "commerce-abc123.servicebus.windows.net",
            ConnectionString = "Endpoint=sb://localhost;SharedAccessKeyName=k;SharedAccessKey=v;UseDevelopmentEmulator=true;",
        });

        Assert.True(result.Failed);
        Assert.Contains("not both", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sb://commerce-abc123.servicebus.windows.net/")]
    [InlineData("Endpoint=sb://commerce-abc123.servicebus.windows.net/;SharedAccessKeyName=k;SharedAccessKey=v")]
    public void Validate_WhenTheNamespaceIsNotAHostName_Fails(string value)
    {
        var result = _validation.Validate(null, new ServiceBusOptions { FullyQualifiedNamespace = value });

        Assert.True(result.Failed);
        Assert.Contains("must be a host name", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WhenRetryAndConcurrencyAreOutOfRange_NamesEachSetting()
    {
        var options = new ServiceBusOptions
        {
            FullyQualifiedNamespace = "commerce-abc123.servicebus.windows.net",
            MaxConcurrentCalls = 0,
            Retry = new ServiceBusRetrySettings { MaxRetries = -1, Delay = TimeSpan.Zero },
        };

        var result = _validation.Validate(null, options);

        Assert.Contains("ServiceBus:MaxConcurrentCalls", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("ServiceBus:Retry:MaxRetries", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("ServiceBus:Retry:Delay", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void ToRetryOptions_ByDefault_IsAnExplicitExponentialPolicy()
    {
        var retry = new ServiceBusOptions().Retry.ToRetryOptions();

        Assert.Equal(
            (ServiceBusRetryMode.Exponential, 3, TimeSpan.FromSeconds(0.8), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(60)),
            (retry.Mode, retry.MaxRetries, retry.Delay, retry.MaxDelay, retry.TryTimeout));
    }
}
