using System.Globalization;

namespace AsyncCommerce.Benchmarks.CheckoutThroughput.Load.Target;

/// <summary>The environment the child local host runs with: the run's settings, under the host's own configuration keys.</summary>
internal static class EmbeddedHostSettings
{
    public static IEnumerable<(string Name, string Value)> For(LoadSettings settings, Uri baseAddress)
    {
        yield return ("ASPNETCORE_URLS", baseAddress.ToString());

        // The host logs every order's every step at Information: on the console of a load run that is noise, and its cost
        // is the terminal's, not the shop's. Warnings and errors still show in the output kept for a failed start.
        yield return ("Logging__LogLevel__Default", "Warning");
        yield return ("Logging__LogLevel__AsyncCommerce", "Warning");
        yield return ("Commerce__Payment__GatewayLatency", settings.GatewayLatency.ToString("c", CultureInfo.InvariantCulture));
        yield return ("Commerce__Storage", settings.Storage);
        if (settings.Storage == "Azurite")
        {
            // A task hub of its own per run: a run never finds another run's orders, stock or workflows.
            yield return ("Commerce__AzureStorage__TaskHub", $"load{DateTime.UtcNow:yyyyMMddHHmmss}");
        }

        yield return ("Commerce__Benchmark__SynchronousCheckout", settings.Synchronous ? "true" : "false");

        // The tool plays store staff and the inventory admin without tokens on its own host (Commerce:Authorization,
        // CommerceAuthorizationOptions in api/Authorization); a --base-url app gets --staff-token and --admin-token.
        yield return ("Commerce__Authorization__Enabled", "false");

        // Last, so that they win: a runtime or host setting tried on the host alone (docs/performance.md gives the
        // runs), where setting it in this tool's environment would change the tool's own collector too.
        foreach (var (name, value) in settings.HostEnvironment)
            yield return (name, value);
    }
}
