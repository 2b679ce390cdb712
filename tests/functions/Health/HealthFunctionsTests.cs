using AsyncCommerce.Api;
using AsyncCommerce.Functions.Health;
using AsyncCommerce.Functions.Tests.Support;
using Microsoft.AspNetCore.Http;
using Moq;

namespace AsyncCommerce.Functions.Tests.Health;

public sealed class HealthFunctionsTests : IDisposable
{
    private readonly FunctionAppHarness _app = new();

    [Fact]
    public void GetHealth_IsAnonymous()
    {
        var trigger = FunctionsMetadata.Load().Single(f => f.Name == CommerceRoutes.GetHealth.Name).Trigger!;

        Assert.Equal("Anonymous", trigger.AuthLevel);
    }

    [Fact]
    public async Task GetHealth_WhenTheEngineAnswers_Returns200Healthy()
    {
        var request = _app.Request("GET", "/api/health");

        var response = await (await _app.Functions<HealthFunctions>().GetHealth(request, _app.Workflows.Object, CancellationToken.None)).ExecuteAsync(request);

        Assert.Equal(StatusCodes.Status200OK, response.StatusCode);
        Assert.Equal("Healthy", response.Json.GetProperty("status").GetString());
    }

    [Fact]
    public async Task GetHealth_WhenTheEngineFails_Returns503()
    {
        _app.Workflows
            .Setup(w => w.GetInstanceAsync(It.IsAny<string>(), It.IsAny<bool>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new InvalidOperationException("task hub unreachable"));
        var request = _app.Request("GET", "/api/health");

        var response = await (await _app.Functions<HealthFunctions>().GetHealth(request, _app.Workflows.Object, CancellationToken.None)).ExecuteAsync(request);

        Assert.Equal(StatusCodes.Status503ServiceUnavailable, response.StatusCode);
        Assert.StartsWith("Unhealthy", response.Json.GetProperty("checks").GetProperty("workflows").GetString(), StringComparison.Ordinal);
    }

    public void Dispose() => _app.Dispose();
}
