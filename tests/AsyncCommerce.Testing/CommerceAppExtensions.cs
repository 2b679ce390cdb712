using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace AsyncCommerce.Testing;

public static class CommerceAppExtensions
{
    /// <summary>
    /// The same host with some services replaced (a port that fails or waits on the test's signal). Registrations
    /// made here come last, so they win. The returned factory is disposed with <paramref name="app"/>; use its
    /// own <c>Services</c> and <c>CreateClient</c>.
    /// </summary>
    public static WebApplicationFactory<Program> WithServices(this CommerceApp app, Action<IServiceCollection> configure)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.WithWebHostBuilder(builder => builder.ConfigureTestServices(configure));
    }
}
