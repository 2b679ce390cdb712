using AsyncCommerce.Api.Authorization;
using Microsoft.Extensions.Options;

namespace AsyncCommerce.LocalHost.Authorization;

/// <summary>
/// The local host's bearer tokens: JwtBearer configured from <c>Authentication:Schemes:Bearer</c>, the section
/// <c>dotnet user-jwts</c> writes to this project's user secrets (issuer, audiences, signing key), so the tokens it
/// issues are accepted as they are. Tests put their own signing key in the same section.
/// </summary>
public static partial class LocalAuthentication
{
    public static IServiceCollection AddLocalAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication(CommerceAccess.BearerScheme).AddJwtBearer();
        return services;
    }

    /// <summary>Says loudly when the staff and administration routes are open, or cannot be opened by any token.</summary>
    public static void WarnWhenOpenOrUnusable(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(LocalAuthentication).FullName!);
        if (!app.Services.GetRequiredService<IOptions<CommerceAuthorizationOptions>>().Value.Enabled)
        {
            LogAuthorizationOff(logger, CommerceAuthorizationOptions.Section.Replace(":", "__", StringComparison.Ordinal) + "__Enabled");
            return;
        }

        var bearer = app.Configuration.GetSection(CommerceAccess.BearerSettings);
        if (!bearer.GetSection("SigningKeys").GetChildren().Any() && string.IsNullOrEmpty(bearer["Authority"]))
            LogNoTokenIssuer(logger);
    }

    [LoggerMessage(EventId = 7001, EventName = "AuthorizationOff", Level = LogLevel.Warning,
        Message = "AUTHORIZATION IS OFF ({Setting}=false): anyone can call the store staff and administration routes. For a local walk-through only; never expose this host.")]
    private static partial void LogAuthorizationOff(ILogger logger, string setting);

    [LoggerMessage(EventId = 7002, EventName = "NoBearerTokenIssuer", Level = LogLevel.Warning,
        Message = "No bearer token issuer is configured, so every store staff and administration request gets 401. Issue a development token: dotnet user-jwts create --project localhost --claim store=store-001 (see README).")]
    private static partial void LogNoTokenIssuer(ILogger logger);
}
