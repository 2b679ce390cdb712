using AsyncCommerce.Functions.Tests.Support;

namespace AsyncCommerce.Functions.Tests;

public sealed class FunctionAppSettingsTests
{
    private static readonly Dictionary<string, string> AzureSettings = new(StringComparer.Ordinal)
    {
        [FunctionAppSettings.FunctionsExtensionVersion] = "~4",
        [FunctionAppSettings.FunctionsWorkerRuntime] = "dotnet-isolated",
        [FunctionAppSettings.StorageAccountName] = "stcommerce",
        [FunctionAppSettings.ApplicationInsightsConnectionString] = "InstrumentationKey=00000000-0000-0000-0000-000000000000",
        [FunctionAppSettings.ApplicationInsightsAuthenticationString] = "Authorization=AAD",
        [FunctionAppSettings.ServiceBusNamespace] = "sb-commerce.servicebus.windows.net",
        [FunctionAppSettings.CosmosAccountEndpoint] = "https://cosmos-commerce.documents.azure.com:443/",
    };

    [Fact]
    public void Lists_AreExactlyTheAgreedSettings()
    {
        Assert.Equal(
            ["FUNCTIONS_EXTENSION_VERSION", "FUNCTIONS_WORKER_RUNTIME", "AzureWebJobsStorage__accountName", "AzureWebJobsStorage", "APPLICATIONINSIGHTS_CONNECTION_STRING", "APPLICATIONINSIGHTS_AUTHENTICATION_STRING"],
            FunctionAppSettings.HostSettings.Select(s => s.Name));
        Assert.Equal(
            ["ServiceBus__fullyQualifiedNamespace", "ServiceBus__connectionString", "Cosmos__accountEndpoint", "Cosmos__connectionString",
             "Cosmos__ConnectionMode", "Cosmos__AcceptEmulatorCertificate", "Cosmos__SeedInventory",
             "Commerce__Payment__GatewayLatency", "Commerce__Payment__AwaitPaymentMethodTimeout", "Commerce__Pickup__PreparationDeadline", "Commerce__Pickup__Window", "Commerce__Pickup__ReminderBeforeExpiry",
             "Commerce__Workflow__HistoryRetention"],
            FunctionAppSettings.WorkerSettings.Select(s => s.Name));
        Assert.Equal(
            ["FUNCTIONS_EXTENSION_VERSION", "FUNCTIONS_WORKER_RUNTIME", "AzureWebJobsStorage__accountName", "ServiceBus__fullyQualifiedNamespace", "Cosmos__accountEndpoint"],
            FunctionAppSettings.Required.Select(s => s.Name));
    }

    [Fact]
    public void Lists_EveryEmulatorOnlySettingStandsInForARequiredSettingOfTheSameReader()
    {
        Assert.Equal(["AzureWebJobsStorage", "ServiceBus__connectionString", "Cosmos__connectionString"], FunctionAppSettings.EmulatorOnly.Select(s => s.Name));
        foreach (var standIn in FunctionAppSettings.EmulatorOnly)
        {
            var required = FunctionAppSettings.Required.Single(s => s.Name == standIn.StandsInFor);
            Assert.Equal(required.ReadBy, standIn.ReadBy);
        }

        Assert.DoesNotContain(FunctionAppSettings.ForAzure, s => s.Requirement == SettingRequirement.EmulatorOnly);
    }

    [Fact]
    public void Lists_NameEachSettingOnce()
    {
        var names = FunctionAppSettings.All.Select(s => s.Name).ToList();

        Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal(FunctionAppSettings.HostSettings.Count + FunctionAppSettings.WorkerSettings.Count, names.Count);
    }

    [Fact]
    public void EnsureValid_WithIdentityBasedAzureSettings_Passes()
    {
        using var environment = new AppSettingsEnvironment(AzureSettings);

        FunctionAppSettings.EnsureValid(environment.Configuration);
    }

    [Fact]
    public void EnsureValid_WithTheLocalSettingsSample_Passes()
    {
        using var environment = new AppSettingsEnvironment(FunctionAppFiles.LocalSettingsSample());

        FunctionAppSettings.EnsureValid(environment.Configuration);
    }

    [Fact]
    public void EnsureValid_WithoutServiceBus_NamesTheSettingAndItsEmulatorStandIn()
    {
        using var environment = new AppSettingsEnvironment(Without(FunctionAppSettings.ServiceBusNamespace));

        var error = Assert.Throws<InvalidOperationException>(() => FunctionAppSettings.EnsureValid(environment.Configuration));

        Assert.Contains("ServiceBus__fullyQualifiedNamespace is not set", error.Message, StringComparison.Ordinal);
        Assert.Contains("ServiceBus__connectionString", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Cosmos__", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EnsureValid_WithoutCosmos_NamesTheSetting()
    {
        using var environment = new AppSettingsEnvironment(Without(FunctionAppSettings.CosmosAccountEndpoint));

        var error = Assert.Throws<InvalidOperationException>(() => FunctionAppSettings.EnsureValid(environment.Configuration));

        Assert.Contains("Cosmos__accountEndpoint is not set", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EnsureValid_WithoutStorage_NamesBothStorageSettings()
    {
        using var environment = new AppSettingsEnvironment(Without(FunctionAppSettings.StorageAccountName));

        var error = Assert.Throws<InvalidOperationException>(() => FunctionAppSettings.EnsureValid(environment.Configuration));

        Assert.Contains("AzureWebJobsStorage__accountName is not set", error.Message, StringComparison.Ordinal);
        Assert.Contains("set AzureWebJobsStorage instead", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EnsureValid_WithEmulatorStandIns_Passes()
    {
        var settings = Without(FunctionAppSettings.StorageAccountName, FunctionAppSettings.ServiceBusNamespace, FunctionAppSettings.CosmosAccountEndpoint);
        settings[FunctionAppSettings.StorageConnectionString] = "UseDevelopmentStorage=true";
        settings[FunctionAppSettings.ServiceBusConnectionString] = "Endpoint=sb://localhost;UseDevelopmentEmulator=true;";
        settings[FunctionAppSettings.CosmosConnectionString] = "AccountEndpoint=https://localhost:8081/;";
        using var environment = new AppSettingsEnvironment(settings);

        FunctionAppSettings.EnsureValid(environment.Configuration);
    }

    [Fact]
    public void EnsureValid_WithNothingSet_NamesEveryRequiredSetting()
    {
        using var environment = new AppSettingsEnvironment(new Dictionary<string, string>());

        var error = Assert.Throws<InvalidOperationException>(() => FunctionAppSettings.EnsureValid(environment.Configuration));

        Assert.All(FunctionAppSettings.Required, setting => Assert.Contains(setting.Name + " is not set", error.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void EnsureValid_WithABlankRequiredSetting_TreatsItAsMissing()
    {
        var settings = new Dictionary<string, string>(AzureSettings) { [FunctionAppSettings.CosmosAccountEndpoint] = " " };
        using var environment = new AppSettingsEnvironment(settings);

        var error = Assert.Throws<InvalidOperationException>(() => FunctionAppSettings.EnsureValid(environment.Configuration));

        Assert.Contains("Cosmos__accountEndpoint is not set", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EnsureValid_WithTheInProcessWorkerRuntime_SaysWhatItMustBe()
    {
        var settings = new Dictionary<string, string>(AzureSettings) { [FunctionAppSettings.FunctionsWorkerRuntime] = "dotnet" };
        using var environment = new AppSettingsEnvironment(settings);

        var error = Assert.Throws<InvalidOperationException>(() => FunctionAppSettings.EnsureValid(environment.Configuration));

        Assert.Contains("FUNCTIONS_WORKER_RUNTIME is 'dotnet' but must be 'dotnet-isolated'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LocalSettingsSample_SetsOnlyListedSettings()
    {
        var listed = FunctionAppSettings.All.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);

        Assert.All(FunctionAppFiles.LocalSettingsSample().Keys, key => Assert.Contains(key, listed));
    }

    [Fact]
    public void LocalSettingsSample_SetsEveryListedSettingOrItsEmulatorStandIn()
    {
        var sample = FunctionAppFiles.LocalSettingsSample();

        foreach (var setting in FunctionAppSettings.All.Where(s => s.Requirement != SettingRequirement.EmulatorOnly))
        {
            var standIns = FunctionAppSettings.EmulatorOnly.Where(s => s.StandsInFor == setting.Name).Select(s => s.Name);
            Assert.True(sample.ContainsKey(setting.Name) || standIns.Any(sample.ContainsKey), $"local.settings.sample.json has neither {setting.Name} nor a stand-in for it.");
        }
    }

    [Fact]
    public void LocalSettingsSample_HoldsNoCredentialButTheEmulatorsPublishedOnes()
    {
        var sample = FunctionAppFiles.LocalSettingsSample();

        Assert.Equal("UseDevelopmentStorage=true", sample[FunctionAppSettings.StorageConnectionString]);
        Assert.Contains("sb://localhost", sample[FunctionAppSettings.ServiceBusConnectionString], StringComparison.Ordinal);
        Assert.Contains("UseDevelopmentEmulator=true", sample[FunctionAppSettings.ServiceBusConnectionString], StringComparison.Ordinal);
        Assert.Contains("SharedAccessKey=SAS_KEY_VALUE;", sample[FunctionAppSettings.ServiceBusConnectionString], StringComparison.Ordinal);

        // The Cosmos DB emulator accepts only its fixed, publicly documented key (64 bytes, base64).
        const string EmulatorKey = "C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==";
        Assert.Equal($"AccountEndpoint=https://localhost:8081/;AccountKey={EmulatorKey};", sample[FunctionAppSettings.CosmosConnectionString]);
        Assert.Equal(64, Convert.FromBase64String(EmulatorKey).Length);
        Assert.Equal("", sample[FunctionAppSettings.ApplicationInsightsConnectionString]);
    }

    private static Dictionary<string, string> Without(params string[] names)
    {
        var settings = new Dictionary<string, string>(AzureSettings);
        foreach (var name in names)
            settings.Remove(name);
        return settings;
    }
}
