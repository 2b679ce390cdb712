using System.Net;
using AsyncCommerce.Api.Authorization;
using AsyncCommerce.Testing;

namespace AsyncCommerce.LocalHost.Tests.Authorization;

/// <summary>The local host's switch for a quick walk-through without tokens, and what it says when tokens cannot work.</summary>
public sealed class LocalAuthenticationTests
{
    private const string Setting = CommerceAuthorizationOptions.Section + ":Enabled";

    [Fact]
    public async Task Start_AuthorizationOff_WarnsThatStaffRoutesAreOpenAndServesThemWithoutToken()
    {
        await using var host = await LocalHostProcess.StartAsync(new Dictionary<string, string?>(CommerceApp.FastSettings) { [Setting] = "false" });
        using var http = host.CreateClient().WithToken(null);

        using var queue = await http.GetAsync(new Uri("/api/stores/store-001/pickups", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, queue.StatusCode);
        await Eventually.UntilAsync(
            () => Task.FromResult(host.Output),
            output => output.Any(line => line.Contains("warn", StringComparison.Ordinal) && line.Contains("AUTHORIZATION IS OFF", StringComparison.Ordinal)),
            "the host to warn that authorization is off");
    }

    [Fact]
    public async Task Start_NoTokenIssuerConfigured_WarnsHowToIssueOne()
    {
        var settings = CommerceApp.FastSettings.Where(s => !s.Key.StartsWith(CommerceAccess.BearerSettings, StringComparison.Ordinal)).ToDictionary();
        await using var host = await LocalHostProcess.StartAsync(settings);

        await Eventually.UntilAsync(
            () => Task.FromResult(host.Output),
            output => output.Any(line => line.Contains("dotnet user-jwts create", StringComparison.Ordinal)),
            "the host to say how to issue a development token");
    }
}
