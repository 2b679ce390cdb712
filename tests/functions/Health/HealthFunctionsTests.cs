using System.Net;
using AsyncCommerce.Adapters.Cosmos;
using AsyncCommerce.Adapters.ServiceBus;
using AsyncCommerce.Api;
using AsyncCommerce.Api.Health;
using AsyncCommerce.Functions.Health;
using AsyncCommerce.Functions.Tests.Support;
using Azure.Messaging.ServiceBus;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace AsyncCommerce.Functions.Tests.Health;

/// <summary>The health functions over the app's wiring; Cosmos DB and Service Bus are SDK doubles (no emulator runs here).</summary>
public sealed class HealthFunctionsTests
{
    [Theory]
    [InlineData(nameof(CommerceRoutes.GetHealth))]
    [InlineData(nameof(CommerceRoutes.GetLiveness))]
    public void HealthRoutes_AreAnonymous(string function)
    {
        var trigger = FunctionsMetadata.Load().Single(f => f.Name == function).Trigger!;

        Assert.Equal("Anonymous", trigger.AuthLevel);
    }

    [Fact]
    public async Task GetHealth_WhenTheEngineAnswers_Returns200ListingTheChecks()
    {
        using var app = new FunctionAppHarness();

        var response = await GetHealthAsync(app);

        Assert.Equal(StatusCodes.Status200OK, response.StatusCode);
        Assert.Equal("Healthy", response.Json.GetProperty("status").GetString());
        Assert.Equal([CommerceHealthChecks.Catalog, CommerceHealthChecks.Workflows], response.Json.GetProperty("checks").EnumerateObject().Select(c => c.Name));
    }

    [Fact]
    public async Task GetHealth_WhenTheEngineFails_Returns503NamingIt()
    {
        using var app = new FunctionAppHarness();
        app.Workflows
            .Setup(w => w.GetInstanceAsync(It.IsAny<string>(), It.IsAny<bool>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new InvalidOperationException("task hub unreachable"));

        var response = await GetHealthAsync(app);

        Assert.Equal(StatusCodes.Status503ServiceUnavailable, response.StatusCode);
        Assert.StartsWith("Unhealthy", Check(response, CommerceHealthChecks.Workflows), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetHealth_WhenACosmosContainerIsForbidden_Returns503NamingCosmosAndTheContainer()
    {
        var database = CosmosDatabase(failing: "inventory", HttpStatusCode.Forbidden);
        using var app = new FunctionAppHarness(services => services
            .AddSingleton(new CosmosContainers(database.Object, CosmosNames.Default))
            .AddCosmosHealthCheck());

        var response = await GetHealthAsync(app);

        Assert.Equal(StatusCodes.Status503ServiceUnavailable, response.StatusCode);
        var cosmos = Check(response, CosmosServiceCollectionExtensions.HealthCheckName);
        Assert.StartsWith("Unhealthy: container inventory answered 403 Forbidden", cosmos, StringComparison.Ordinal);
        Assert.Equal("Healthy", Check(response, CommerceHealthChecks.Workflows));
    }

    [Fact]
    public async Task GetHealth_WhenEveryCosmosContainerAnswers_ReportsCosmosHealthy()
    {
        var database = CosmosDatabase(failing: null, HttpStatusCode.OK);
        using var app = new FunctionAppHarness(services => services
            .AddSingleton(new CosmosContainers(database.Object, CosmosNames.Default))
            .AddCosmosHealthCheck());

        var response = await GetHealthAsync(app);

        Assert.Equal(StatusCodes.Status200OK, response.StatusCode);
        Assert.Equal("Healthy", Check(response, CosmosServiceCollectionExtensions.HealthCheckName));
    }

    [Fact]
    public async Task GetHealth_WhenServiceBusDoesNotAnswer_Returns503NamingServiceBus()
    {
        var sender = new Mock<ServiceBusSender>();
        sender.Setup(s => s.CreateMessageBatchAsync(It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ServiceBusException("namespace unreachable", ServiceBusFailureReason.ServiceCommunicationProblem));
        var topic = ServiceBusNames.Load().OrderEventsTopic;
        var client = new Mock<ServiceBusClient>();
        client.Setup(c => c.CreateSender(topic)).Returns(sender.Object);
        using var app = new FunctionAppHarness(services => services.AddSingleton(client.Object).AddServiceBusHealthCheck());

        var response = await GetHealthAsync(app);

        Assert.Equal(StatusCodes.Status503ServiceUnavailable, response.StatusCode);
        Assert.Equal($"Unhealthy: topic {topic}: ServiceCommunicationProblem", Check(response, ServiceBusServiceCollectionExtensions.HealthCheckName));
        Assert.Equal("Healthy", Check(response, CommerceHealthChecks.Catalog));
    }

    [Fact]
    public async Task GetLiveness_WhenTheEngineFails_Returns200()
    {
        using var app = new FunctionAppHarness();
        app.Workflows
            .Setup(w => w.GetInstanceAsync(It.IsAny<string>(), It.IsAny<bool>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new InvalidOperationException("task hub unreachable"));
        var request = app.Request("GET", "/api/health/live");

        var response = await HealthFunctions.GetLiveness(request).ExecuteAsync(request);

        Assert.Equal(StatusCodes.Status200OK, response.StatusCode);
        Assert.Empty(response.Json.GetProperty("checks").EnumerateObject());
    }

    private static async Task<ExecutedResponse> GetHealthAsync(FunctionAppHarness app)
    {
        var request = app.Request("GET", "/api/health");
        return await (await app.Functions<HealthFunctions>().GetHealth(request, app.Workflows.Object, CancellationToken.None)).ExecuteAsync(request);
    }

    private static string? Check(ExecutedResponse response, string name) =>
        response.Json.GetProperty("checks").TryGetProperty(name, out var check) ? check.GetString() : null;

    /// <summary>A database whose containers all answer 200, but <paramref name="failing"/> (if any), which answers <paramref name="status"/>.</summary>
    private static Mock<Database> CosmosDatabase(string? failing, HttpStatusCode status)
    {
        var database = new Mock<Database>();
        database.Setup(d => d.GetContainer(It.IsAny<string>())).Returns((string name) =>
        {
            var container = new Mock<Container>();
            container.Setup(c => c.Id).Returns(name);
            container.Setup(c => c.ReadContainerStreamAsync(It.IsAny<ContainerRequestOptions>(), It.IsAny<CancellationToken>()))
                .ReturnsAsync(() => new ResponseMessage(name == failing ? status : HttpStatusCode.OK));
            return container.Object;
        });
        return database;
    }
}
