using System.Net;
using AsyncCommerce.Api.Tests.Support;
using AsyncCommerce.Catalog;
using AsyncCommerce.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace AsyncCommerce.Api.Tests.Health;

/// <summary>GET /api/health: 200 when the host and its dependencies answer.</summary>
public sealed class HealthEndpointsTests
{
    [Fact]
    public async Task Health_WhenEveryDependencyAnswers_Returns200Healthy()
    {
        await using var app = new CommerceApp();
        var http = app.CreateClient();

        using var response = await http.GetAsync(new Uri("/api/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await JsonShape.ReadAsync(response);
        Assert.Equal("Healthy", report.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Health_WhenTheCatalogStoreFails_Returns503NamingIt()
    {
        await using var app = new CommerceApp();
        var broken = app.WithServices(services => services.AddSingleton<ICatalog, UnavailableCatalog>());
        var http = broken.CreateClient();

        using var response = await http.GetAsync(new Uri("/api/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var report = await JsonShape.ReadAsync(response);
        Assert.Equal("Unhealthy", report.GetProperty("status").GetString());
        Assert.StartsWith("Unhealthy", report.GetProperty("checks").GetProperty("catalog").GetString(), StringComparison.Ordinal);
        Assert.Equal("Healthy", report.GetProperty("checks").GetProperty("workflows").GetString());
    }

}
