using AsyncCommerce.Adapters.AzureStorage;
using AsyncCommerce.Adapters.AzureStorage.Azurite;
using Microsoft.Extensions.Configuration;

namespace AsyncCommerce.Functions;

/// <summary>Who reads an app setting: App Service (before any process starts), the Functions host process, or our code in the isolated worker.</summary>
public enum SettingReader
{
    /// <summary>The platform that mounts the deployed code; a developer machine has none, so no local settings file sets it.</summary>
    AppService,
    FunctionsHost,
    Worker,
}

public enum SettingRequirement
{
    /// <summary>The app cannot run without it (or, on a developer machine, without its emulator stand-in).</summary>
    Required,

    /// <summary>Has a sensible default or only switches a feature on (telemetry).</summary>
    Optional,

    /// <summary>A connection string for a local emulator; stands in for an identity-based setting. Never set in Azure.</summary>
    EmulatorOnly,
}

/// <summary>Where the worker keeps orders, stock and notifications, and how order events travel (<c>Commerce__Storage</c>).</summary>
public enum StorageProfile
{
    /// <summary>Cosmos DB stores and Service Bus messaging, joined by the change feed: what Azure runs.</summary>
    Cosmos,

    /// <summary>
    /// Every store on Azure Tables in one storage account (Azurite on a developer machine), notifications delivered
    /// from the order streams' outbox: no Cosmos DB, no Service Bus.
    /// </summary>
    AzureStorage,
}

/// <param name="Name">The app setting (environment variable) name; <c>__</c> separates configuration sections.</param>
/// <param name="Purpose">What it is for and what value it takes, for error messages and docs.</param>
public sealed record AppSetting(string Name, SettingReader ReadBy, SettingRequirement Requirement, string Purpose)
{
    /// <summary>The one value the setting may have, where there is only one.</summary>
    public string? ExpectedValue { get; init; }

    /// <summary>The values the setting may have, where it is a choice (compared ignoring case).</summary>
    public IReadOnlyList<string>? AllowedValues { get; init; }

    /// <summary>For an emulator-only setting: the required setting it replaces on a developer machine.</summary>
    public string? StandsInFor { get; init; }

    /// <summary>The storage profile that reads the setting; null: every profile does.</summary>
    public StorageProfile? Profile { get; init; }

    /// <summary>The key the worker's configuration sees (<c>__</c> becomes <c>:</c>).</summary>
    public string ConfigurationKey => Name.Replace("__", ConfigurationPath.KeyDelimiter, StringComparison.Ordinal);
}

/// <summary>
/// Every app setting the function app reads, who reads it and whether it is required: the one list that
/// <c>infra/</c> sets, <c>local.settings.sample.json</c> fills in and the worker checks at start. Connections are
/// identity-based (the app's system-assigned managed identity), so no setting in Azure holds a secret.
/// </summary>
public static class FunctionAppSettings
{
    /// <summary>
    /// The Durable Functions task hub, <c>extensions.durableTask.hubName</c> in <c>functions/host.json</c> (a test holds
    /// the two together). The Azure Storage profile's tables are named after it too: workflows and the stores they write
    /// are one world, or a workflow of one hub would reserve stock in another's tables.
    /// </summary>
    public const string DurableTaskHubName = "AsyncCommerce";

    public const string RunFromPackage = "WEBSITE_RUN_FROM_PACKAGE";
    public const string FunctionsExtensionVersion = "FUNCTIONS_EXTENSION_VERSION";
    public const string FunctionsWorkerRuntime = "FUNCTIONS_WORKER_RUNTIME";
    public const string StorageAccountName = "AzureWebJobsStorage__accountName";
    public const string StorageConnectionString = "AzureWebJobsStorage";
    public const string ApplicationInsightsConnectionString = "APPLICATIONINSIGHTS_CONNECTION_STRING";
    public const string ApplicationInsightsAuthenticationString = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING";
    public const string Storage = "Commerce__Storage";
    public const string AzureStorageConnectionString = "Commerce__AzureStorage__ConnectionString";
    public const string AzureStorageTaskHub = "Commerce__AzureStorage__TaskHub";
    public const string ServiceBusNamespace = "ServiceBus__fullyQualifiedNamespace";
    public const string ServiceBusConnectionString = "ServiceBus__connectionString";
    public const string CosmosAccountEndpoint = "Cosmos__accountEndpoint";
    public const string CosmosConnectionString = "Cosmos__connectionString";
    public const string CosmosConnectionMode = "Cosmos__ConnectionMode";
    public const string CosmosAcceptEmulatorCertificate = "Cosmos__AcceptEmulatorCertificate";
    public const string CosmosSeedInventory = "Cosmos__SeedInventory";
    public const string PaymentGatewayLatency = "Commerce__Payment__GatewayLatency";
    public const string AwaitPaymentMethodTimeout = "Commerce__Payment__AwaitPaymentMethodTimeout";
    public const string PickupPreparationDeadline = "Commerce__Pickup__PreparationDeadline";
    public const string PickupWindow = "Commerce__Pickup__Window";
    public const string PickupReminderBeforeExpiry = "Commerce__Pickup__ReminderBeforeExpiry";
    public const string WorkflowHistoryRetention = "Commerce__Workflow__HistoryRetention";
    public const string TokenAuthority = "Authentication__Schemes__Bearer__Authority";
    public const string TokenIssuer = "Authentication__Schemes__Bearer__ValidIssuer";
    public const string TokenAudience = "Authentication__Schemes__Bearer__ValidAudiences__0";

    /// <summary>Read outside our code: by App Service (how the code is mounted) and the Functions host (runtime, storage and Durable Functions task hub, telemetry).</summary>
    public static IReadOnlyList<AppSetting> HostSettings { get; } =
    [
        // A deployment of infra/ replaces every app setting. `func azure functionapp publish` sets this to 1 and
        // keeps the package beside wwwroot, not in it, so a template without it left the app serving an empty
        // wwwroot. With 1 set by the template, every publish (zip deploy, func, azd) runs from its package and later
        // infrastructure deployments keep it mounted. Not checked at start: a team may run from a package URL of its own.
        new(RunFromPackage, SettingReader.AppService, SettingRequirement.Optional,
            "1: run from the deployment package the publish step uploads (mounted read-only), so that a deployment of infra/ keeps the published code."),
        new(FunctionsExtensionVersion, SettingReader.FunctionsHost, SettingRequirement.Required, "Functions runtime version: ~4.") { ExpectedValue = "~4" },
        new(FunctionsWorkerRuntime, SettingReader.FunctionsHost, SettingRequirement.Required, "Worker runtime: dotnet-isolated.") { ExpectedValue = "dotnet-isolated" },
        new(StorageAccountName, SettingReader.FunctionsHost, SettingRequirement.Required,
            "Storage account name of the host and of the Durable Functions task hub (blobs, queues, tables), reached with the app's managed identity."),
        new(StorageConnectionString, SettingReader.FunctionsHost, SettingRequirement.EmulatorOnly,
            "Azurite on a developer machine: UseDevelopmentStorage=true.") { StandsInFor = StorageAccountName },
        new(ApplicationInsightsConnectionString, SettingReader.FunctionsHost, SettingRequirement.Optional,
            "Application Insights connection string (an ingestion endpoint, not a secret); empty turns telemetry off."),
        new(ApplicationInsightsAuthenticationString, SettingReader.FunctionsHost, SettingRequirement.Optional,
            "Authorization=AAD: telemetry is sent with the app's managed identity (local authentication off on the resource)."),
    ];

    /// <summary>Read by our code in the worker (adapters and workflow options).</summary>
    public static IReadOnlyList<AppSetting> WorkerSettings { get; } =
    [
        new(Storage, SettingReader.Worker, SettingRequirement.Optional,
            "Cosmos (default: Cosmos DB stores and Service Bus, as in Azure) or AzureStorage (every store on Azure Tables, notifications from the outbox: Azurite alone on a developer machine).")
            { AllowedValues = Enum.GetNames<StorageProfile>() },
        new(AzureStorageConnectionString, SettingReader.Worker, SettingRequirement.Optional,
            $"Storage connection string of the account holding the stores' tables; default {AzureStorageOptions.DevelopmentStorage} (Azurite).")
            { Profile = StorageProfile.AzureStorage },
        new(AzureStorageTaskHub, SettingReader.Worker, SettingRequirement.Optional,
            $"Prefix of the stores' tables: the Durable task hub's name (host.json), so that workflows and the stores they write are one world; default {DurableTaskHubName}.")
            { ExpectedValue = DurableTaskHubName, Profile = StorageProfile.AzureStorage },
        new(ServiceBusNamespace, SettingReader.Worker, SettingRequirement.Required,
            "Service Bus namespace host name (<name>.servicebus.windows.net) for order events and notifications, reached with the app's managed identity.")
            { Profile = StorageProfile.Cosmos },
        new(ServiceBusConnectionString, SettingReader.Worker, SettingRequirement.EmulatorOnly,
            "Service Bus emulator connection string on a developer machine.") { StandsInFor = ServiceBusNamespace, Profile = StorageProfile.Cosmos },
        new(CosmosAccountEndpoint, SettingReader.Worker, SettingRequirement.Required,
            "Cosmos DB account endpoint (https://<name>.documents.azure.com:443/) for orders, inventory, idempotency keys and notifications, reached with the app's managed identity.")
            { Profile = StorageProfile.Cosmos },
        new(CosmosConnectionString, SettingReader.Worker, SettingRequirement.EmulatorOnly,
            "Cosmos DB emulator connection string on a developer machine.") { StandsInFor = CosmosAccountEndpoint, Profile = StorageProfile.Cosmos },
        new(CosmosConnectionMode, SettingReader.Worker, SettingRequirement.Optional,
            "Direct (default: lowest latency for an always-on app) or Gateway (port 443 only; what the emulator wants).") { Profile = StorageProfile.Cosmos },
        new(CosmosAcceptEmulatorCertificate, SettingReader.Worker, SettingRequirement.Optional,
            "true to accept the Cosmos DB emulator's self-signed certificate; honoured for loopback endpoints only.") { Profile = StorageProfile.Cosmos },
        new(CosmosSeedInventory, SettingReader.Worker, SettingRequirement.Optional,
            "true to create the demo catalog's stock rows that are missing at start (an empty emulator rejects every order as out of stock).")
            { Profile = StorageProfile.Cosmos },
        new(PaymentGatewayLatency, SettingReader.Worker, SettingRequirement.Optional, "Simulated latency per payment gateway call; default 00:00:00.150."),
        new(AwaitPaymentMethodTimeout, SettingReader.Worker, SettingRequirement.Optional, "How long an order whose payment methods all failed waits for a new one; default 00:15:00."),
        new(PickupPreparationDeadline, SettingReader.Worker, SettingRequirement.Optional, "Time a store has to mark a pickup order ready before staff are alerted; default 02:00:00."),
        new(PickupWindow, SettingReader.Worker, SettingRequirement.Optional, "How long a ready pickup order waits for the customer; default 3.00:00:00."),
        new(PickupReminderBeforeExpiry, SettingReader.Worker, SettingRequirement.Optional, "How long before the pickup window ends the customer is reminded; default 1.00:00:00."),
        new(WorkflowHistoryRetention, SettingReader.Worker, SettingRequirement.Optional,
            "How long the task hub keeps a finished workflow's history (from its start) before the hourly purge removes it; default 7.00:00:00."),

        // Store staff and administrators' bearer tokens (CommerceAccess.BearerSettings, read by JwtBearer). Required: a
        // missing audience or issuer would let JwtBearer accept tokens meant for another app of the tenant.
        new(TokenAuthority, SettingReader.Worker, SettingRequirement.Required,
            "Entra ID authority that issues store staff and administrator tokens, https://login.microsoftonline.com/<tenant id>/v2.0; its signing keys are read from there."),
        new(TokenIssuer, SettingReader.Worker, SettingRequirement.Required,
            "The issuer those tokens must name: the same https://login.microsoftonline.com/<tenant id>/v2.0."),
        new(TokenAudience, SettingReader.Worker, SettingRequirement.Required,
            "The audience those tokens must be issued for: the Application ID URI of the API's Entra ID app registration (infra/README.md)."),
    ];

    public static IReadOnlyList<AppSetting> All { get; } = [.. HostSettings, .. WorkerSettings];

    public static IReadOnlyList<AppSetting> Required { get; } = [.. All.Where(s => s.Requirement == SettingRequirement.Required)];

    public static IReadOnlyList<AppSetting> EmulatorOnly { get; } = [.. All.Where(s => s.Requirement == SettingRequirement.EmulatorOnly)];

    /// <summary>What an Azure deployment may set: every setting except the emulator-only ones.</summary>
    public static IReadOnlyList<AppSetting> ForAzure { get; } = [.. All.Where(s => s.Requirement != SettingRequirement.EmulatorOnly)];

    /// <summary>The settings a profile reads: those of every profile and its own.</summary>
    public static IReadOnlyList<AppSetting> For(StorageProfile profile) => [.. All.Where(s => s.Profile is null || s.Profile == profile)];

    /// <summary>The storage profile <see cref="Storage"/> selects; <see cref="StorageProfile.Cosmos"/> when unset.</summary>
    /// <exception cref="InvalidOperationException">The value names no profile.</exception>
    public static StorageProfile StorageProfileOf(IConfiguration configuration) =>
        TryReadStorageProfile(configuration, out var profile) ? profile : throw new InvalidOperationException(UnknownStorageProfile(configuration));

    /// <summary>
    /// One sentence per problem: a required setting of the selected storage profile missing (with its emulator stand-in,
    /// if any), or a setting holding a value it may not have.
    /// </summary>
    public static IReadOnlyList<string> FindProblems(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (!TryReadStorageProfile(configuration, out var profile))
        {
            // Which settings are required depends on the profile: name the one problem until the profile is known.
            return [UnknownStorageProfile(configuration)];
        }

        var problems = new List<string>();
        foreach (var setting in For(profile).Where(s => s.Requirement != SettingRequirement.EmulatorOnly))
        {
            var value = configuration[setting.ConfigurationKey];
            if (string.IsNullOrWhiteSpace(value))
            {
                var standIns = EmulatorOnly.Where(s => s.StandsInFor == setting.Name).ToList();
                if (setting.Requirement == SettingRequirement.Required && !standIns.Any(s => !string.IsNullOrWhiteSpace(configuration[s.ConfigurationKey])))
                    problems.Add(Missing(setting, standIns));
                continue;
            }

            if (setting.ExpectedValue is { } expected && !string.Equals(value.Trim(), expected, StringComparison.OrdinalIgnoreCase))
                problems.Add($"{setting.Name} is '{value}' but must be '{expected}': {setting.Purpose}");
        }

        // The value is a credential outside Azurite: say what is wrong with it, never what it is.
        if (profile == StorageProfile.AzureStorage
            && configuration[ConfigurationKeyOf(AzureStorageConnectionString)] is { Length: > 0 } connectionString
            && StorageEndpoints.Parse(connectionString) is null)
        {
            problems.Add($"{AzureStorageConnectionString} is not a storage connection string: {Find(AzureStorageConnectionString).Purpose}");
        }

        return problems;
    }

    /// <summary>Throws, naming every missing or wrong required setting, so a misconfigured app stops at start instead of at its first request.</summary>
    /// <exception cref="InvalidOperationException">A required setting is missing or wrong.</exception>
    public static void EnsureValid(IConfiguration configuration)
    {
        var problems = FindProblems(configuration);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException(
                "The AsyncCommerce function app cannot start; fix its app settings (see functions/README.md):" + Environment.NewLine
                + string.Join(Environment.NewLine, problems.Select(p => "- " + p)));
        }
    }

    private static bool TryReadStorageProfile(IConfiguration configuration, out StorageProfile profile)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        profile = StorageProfile.Cosmos;
        var value = configuration[ConfigurationKeyOf(Storage)];
        if (string.IsNullOrWhiteSpace(value))
            return true;

        // Names only: Enum.TryParse alone would also take "1".
        var name = Enum.GetNames<StorageProfile>().FirstOrDefault(n => string.Equals(n, value.Trim(), StringComparison.OrdinalIgnoreCase));
        return name is not null && Enum.TryParse(name, out profile);
    }

    private static string UnknownStorageProfile(IConfiguration configuration)
    {
        var setting = Find(Storage);
        return $"{setting.Name} is '{configuration[setting.ConfigurationKey]}' but must be one of {string.Join(", ", setting.AllowedValues!)}: {setting.Purpose}";
    }

    private static AppSetting Find(string name) => All.Single(s => s.Name == name);

    private static string ConfigurationKeyOf(string name) => Find(name).ConfigurationKey;

    private static string Missing(AppSetting setting, List<AppSetting> standIns)
    {
        var locally = standIns.Count == 0 ? "" : $" On a developer machine set {string.Join(" or ", standIns.Select(s => s.Name))} instead.";
        return $"{setting.Name} is not set: {setting.Purpose}{locally}";
    }
}
