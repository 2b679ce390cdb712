using AsyncCommerce.Functions.Tests.Support;
using Microsoft.Extensions.Configuration;

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
        [FunctionAppSettings.TokenAuthority] = "https://login.microsoftonline.com/11111111-1111-1111-1111-111111111111/v2.0",
        [FunctionAppSettings.TokenIssuer] = "https://login.microsoftonline.com/11111111-1111-1111-1111-111111111111/v2.0",
        [FunctionAppSettings.TokenAudience] = "api://acom-dev-api",
    };

    [Fact]
    public void Lists_AreExactlyTheAgreedSettings()
    {
        Assert.Equal(
            ["WEBSITE_RUN_FROM_PACKAGE", "FUNCTIONS_EXTENSION_VERSION", "FUNCTIONS_WORKER_RUNTIME", "AzureWebJobsStorage__accountName", "AzureWebJobsStorage", "APPLICATIONINSIGHTS_CONNECTION_STRING", "APPLICATIONINSIGHTS_AUTHENTICATION_STRING"],
            FunctionAppSettings.HostSettings.Select(s => s.Name));
        Assert.Equal(
            ["Commerce__Storage", "Commerce__AzureStorage__ConnectionString", "Commerce__AzureStorage__TaskHub",
             "ServiceBus__fullyQualifiedNamespace", "ServiceBus__connectionString", "Cosmos__accountEndpoint", "Cosmos__connectionString",
             "Cosmos__ConnectionMode", "Cosmos__AcceptEmulatorCertificate", "Cosmos__SeedInventory",
             "Commerce__Payment__GatewayLatency", "Commerce__Payment__AwaitPaymentMethodTimeout", "Commerce__Pickup__PreparationDeadline", "Commerce__Pickup__Window", "Commerce__Pickup__ReminderBeforeExpiry",
             "Commerce__Workflow__HistoryRetention",
             "Authentication__Schemes__Bearer__Authority", "Authentication__Schemes__Bearer__ValidIssuer", "Authentication__Schemes__Bearer__ValidAudiences__0"],
            FunctionAppSettings.WorkerSettings.Select(s => s.Name));
        Assert.Equal(
            ["FUNCTIONS_EXTENSION_VERSION", "FUNCTIONS_WORKER_RUNTIME", "AzureWebJobsStorage__accountName", "ServiceBus__fullyQualifiedNamespace", "Cosmos__accountEndpoint",
             "Authentication__Schemes__Bearer__Authority", "Authentication__Schemes__Bearer__ValidIssuer", "Authentication__Schemes__Bearer__ValidAudiences__0"],
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

    [Theory]
    [InlineData(FunctionAppFiles.LocalSettingsSampleFile, StorageProfile.AzureStorage)]
    [InlineData(FunctionAppFiles.CosmosLocalSettingsSampleFile, StorageProfile.Cosmos)]
    public void EnsureValid_WithALocalSettingsSample_PassesAndSelectsItsProfile(string file, StorageProfile profile)
    {
        using var environment = new AppSettingsEnvironment(FunctionAppFiles.LocalSettingsSample(file));

        FunctionAppSettings.EnsureValid(environment.Configuration);
        Assert.Equal(profile, FunctionAppSettings.StorageProfileOf(environment.Configuration));
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

    [Theory]
    [InlineData("1")]
    [InlineData("https://example.blob.core.windows.net/packages/functions.zip")]
    public void EnsureValid_WithAnyRunFromPackageValue_Passes(string value)
    {
        using var environment = new AppSettingsEnvironment(new Dictionary<string, string>(AzureSettings) { [FunctionAppSettings.RunFromPackage] = value });

        FunctionAppSettings.EnsureValid(environment.Configuration);
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

    [Theory]
    [InlineData(FunctionAppFiles.LocalSettingsSampleFile, StorageProfile.AzureStorage)]
    [InlineData(FunctionAppFiles.CosmosLocalSettingsSampleFile, StorageProfile.Cosmos)]
    public void LocalSettingsSample_SetsOnlySettingsOfItsProfile(string file, StorageProfile profile)
    {
        var listed = FunctionAppSettings.For(profile).Select(s => s.Name).ToHashSet(StringComparer.Ordinal);

        Assert.All(FunctionAppFiles.LocalSettingsSample(file).Keys, key => Assert.Contains(key, listed));
    }

    [Theory]
    [InlineData(FunctionAppFiles.LocalSettingsSampleFile, StorageProfile.AzureStorage)]
    [InlineData(FunctionAppFiles.CosmosLocalSettingsSampleFile, StorageProfile.Cosmos)]
    public void LocalSettingsSample_SetsEverySettingOfItsProfileOrItsEmulatorStandIn(string file, StorageProfile profile)
    {
        var sample = FunctionAppFiles.LocalSettingsSample(file);

        // App Service's settings have no meaning under func start.
        foreach (var setting in FunctionAppSettings.For(profile).Where(s => s.Requirement != SettingRequirement.EmulatorOnly && s.ReadBy != SettingReader.AppService))
        {
            var standIns = FunctionAppSettings.EmulatorOnly.Where(s => s.StandsInFor == setting.Name).Select(s => s.Name);
            Assert.True(sample.ContainsKey(setting.Name) || standIns.Any(sample.ContainsKey), $"{file} has neither {setting.Name} nor a stand-in for it.");
        }
    }

    [Fact]
    public void LocalSettingsSamples_GiveTheSettingsTheyShareTheSameValue()
    {
        var azurite = FunctionAppFiles.LocalSettingsSample(FunctionAppFiles.LocalSettingsSampleFile);
        var cosmos = FunctionAppFiles.LocalSettingsSample(FunctionAppFiles.CosmosLocalSettingsSampleFile);

        // Everything but the profile's own settings, and Commerce__Storage, which selects the profile.
        static List<string> Shared(IReadOnlyDictionary<string, string> sample) =>
            [.. sample.Keys.Where(name => name != FunctionAppSettings.Storage && FunctionAppSettings.All.Single(s => s.Name == name).Profile is null)];
        var shared = Shared(azurite);

        Assert.Equal(shared, Shared(cosmos));
        Assert.All(shared, name => Assert.Equal(azurite[name], cosmos[name]));
    }

    [Fact]
    public void LocalSettingsSample_RunsOnAzuriteAlone()
    {
        var sample = FunctionAppFiles.LocalSettingsSample();

        Assert.Equal("AzureStorage", sample[FunctionAppSettings.Storage]);
        Assert.Equal("UseDevelopmentStorage=true", sample[FunctionAppSettings.StorageConnectionString]);
        Assert.Equal("UseDevelopmentStorage=true", sample[FunctionAppSettings.AzureStorageConnectionString]);
        Assert.DoesNotContain(sample.Keys, key => key.StartsWith("Cosmos__", StringComparison.Ordinal) || key.StartsWith("ServiceBus__", StringComparison.Ordinal));
    }

    [Fact]
    public void CosmosLocalSettingsSample_HoldsNoCredentialButTheEmulatorsPublishedOnes()
    {
        var sample = FunctionAppFiles.LocalSettingsSample(FunctionAppFiles.CosmosLocalSettingsSampleFile);

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

    [Theory]
    [InlineData(null, StorageProfile.Cosmos)]
    [InlineData("Cosmos", StorageProfile.Cosmos)]
    [InlineData("AzureStorage", StorageProfile.AzureStorage)]
    [InlineData(" azurestorage ", StorageProfile.AzureStorage)]
    public void StorageProfileOf_ReadsTheSettingIgnoringCase_CosmosWhenUnset(string? value, StorageProfile expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Commerce:Storage"] = value }).Build();

        Assert.Equal(expected, FunctionAppSettings.StorageProfileOf(configuration));
    }

    [Theory]
    [InlineData("Tables")]
    [InlineData("1")]
    public void EnsureValid_WithAnUnknownStorageProfile_NamesTheSettingAndTheAllowedValues(string value)
    {
        using var environment = new AppSettingsEnvironment(new Dictionary<string, string>(AzureSettings) { [FunctionAppSettings.Storage] = value });

        var error = Assert.Throws<InvalidOperationException>(() => FunctionAppSettings.EnsureValid(environment.Configuration));
        var wiring = Assert.Throws<InvalidOperationException>(() => FunctionAppSettings.StorageProfileOf(environment.Configuration));

        Assert.Contains($"Commerce__Storage is '{value}' but must be one of Cosmos, AzureStorage", error.Message, StringComparison.Ordinal);
        Assert.Contains($"Commerce__Storage is '{value}' but must be one of Cosmos, AzureStorage", wiring.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EnsureValid_AzureStorageProfileWithoutCosmosOrServiceBus_Passes()
    {
        var settings = Without(FunctionAppSettings.ServiceBusNamespace, FunctionAppSettings.CosmosAccountEndpoint);
        settings[FunctionAppSettings.Storage] = "AzureStorage";
        using var environment = new AppSettingsEnvironment(settings);

        FunctionAppSettings.EnsureValid(environment.Configuration);
    }

    [Fact]
    public void EnsureValid_AzureStorageProfileWithNothingElseSet_NamesOnlyTheHostsRequiredSettings()
    {
        using var environment = new AppSettingsEnvironment(new Dictionary<string, string> { [FunctionAppSettings.Storage] = "AzureStorage" });

        var error = Assert.Throws<InvalidOperationException>(() => FunctionAppSettings.EnsureValid(environment.Configuration));

        Assert.Contains("AzureWebJobsStorage__accountName is not set", error.Message, StringComparison.Ordinal);
        Assert.Contains("FUNCTIONS_WORKER_RUNTIME is not set", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Cosmos__", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("ServiceBus__", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Commerce__AzureStorage__", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EnsureValid_AzureStorageProfileWithAnotherTaskHub_SaysItMustBeTheDurableHub()
    {
        var settings = Without(FunctionAppSettings.ServiceBusNamespace, FunctionAppSettings.CosmosAccountEndpoint);
        settings[FunctionAppSettings.Storage] = "AzureStorage";
        settings[FunctionAppSettings.AzureStorageTaskHub] = "OtherHub";
        using var environment = new AppSettingsEnvironment(settings);

        var error = Assert.Throws<InvalidOperationException>(() => FunctionAppSettings.EnsureValid(environment.Configuration));

        Assert.Contains("Commerce__AzureStorage__TaskHub is 'OtherHub' but must be 'AsyncCommerce'", error.Message, StringComparison.Ordinal);
        Assert.Contains("host.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EnsureValid_AzureStorageProfileWithABrokenConnectionString_NamesTheSettingButNotItsValue()
    {
        var settings = Without(FunctionAppSettings.ServiceBusNamespace, FunctionAppSettings.CosmosAccountEndpoint);
        settings[FunctionAppSettings.Storage] = "AzureStorage";
        settings[FunctionAppSettings.AzureStorageConnectionString] = "AccountKey=not-a-connection-string-secret";
        using var environment = new AppSettingsEnvironment(settings);

        var error = Assert.Throws<InvalidOperationException>(() => FunctionAppSettings.EnsureValid(environment.Configuration));

        Assert.Contains("Commerce__AzureStorage__ConnectionString is not a storage connection string", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EnsureValid_CosmosProfileIgnoresTheAzureStorageSettings()
    {
        var settings = new Dictionary<string, string>(AzureSettings)
        {
            [FunctionAppSettings.Storage] = "Cosmos",
            [FunctionAppSettings.AzureStorageTaskHub] = "OtherHub",
            [FunctionAppSettings.AzureStorageConnectionString] = "not a connection string",
        };
        using var environment = new AppSettingsEnvironment(settings);

        FunctionAppSettings.EnsureValid(environment.Configuration);
    }

    private static Dictionary<string, string> Without(params string[] names)
    {
        var settings = new Dictionary<string, string>(AzureSettings);
        foreach (var name in names)
            settings.Remove(name);
        return settings;
    }
}
