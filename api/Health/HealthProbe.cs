using System.Globalization;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AsyncCommerce.Api.Health;

/// <summary>
/// Runs every health check the host registered (each adapter registers the dependency it reaches) plus the workflow
/// engine's, all at once, each under <see cref="HealthOptions.CheckTimeout"/>. Not <c>HealthCheckService</c>: the
/// Functions app's Durable client arrives with the request, and a timeout must hold even for a check that ignores
/// its cancellation token.
/// </summary>
public sealed partial class HealthProbe(
    IServiceProvider services,
    IOptions<HealthCheckServiceOptions> checks,
    IOptions<HealthOptions> options,
    ILogger<HealthProbe> logger)
{
    public const string Healthy = "Healthy";
    public const string Unhealthy = "Unhealthy";

    public async Task<HealthReport> CheckAsync(DurableTaskClient workflows, CancellationToken cancellationToken)
    {
        var workflowsCheck = new HealthCheckRegistration(CommerceHealthChecks.Workflows, _ => new WorkflowsHealthCheck(workflows), HealthStatus.Unhealthy, tags: null);
        var registrations = checks.Value.Registrations.Append(workflowsCheck).ToList();
        var outcomes = await Task.WhenAll(registrations.Select(r => RunAsync(r, cancellationToken)));

        var byName = registrations.Zip(outcomes).ToDictionary(p => p.First.Name, p => p.Second, StringComparer.Ordinal);
        var healthy = outcomes.All(o => o == Healthy);
        return new HealthReport(healthy ? Healthy : Unhealthy, new SortedDictionary<string, string>(byName, StringComparer.Ordinal));
    }

    private async Task<string> RunAsync(HealthCheckRegistration registration, CancellationToken cancellationToken)
    {
        var limit = options.Value.CheckTimeout;
        await using var scope = services.CreateAsyncScope();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(limit);
        try
        {
            var check = registration.Factory(scope.ServiceProvider);
            var result = await check.CheckHealthAsync(new HealthCheckContext { Registration = registration }, deadline.Token).WaitAsync(limit, cancellationToken);
            if (result.Status == HealthStatus.Healthy)
                return Healthy;
            LogUnhealthy(registration.Name, result.Description, result.Exception);
            return $"{Unhealthy}: {result.Description ?? result.Exception?.GetType().Name ?? "no reason given"}";
        }
        catch (Exception error) when (!cancellationToken.IsCancellationRequested && error is OperationCanceledException or TimeoutException)
        {
            LogUnhealthy(registration.Name, "timed out", error);
            return $"{Unhealthy}: no answer within {limit.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s";
        }
#pragma warning disable CA1031 // Any failure of a dependency is exactly what a health check reports.
        catch (Exception error) when (!cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            // The type alone: the route is anonymous, and a message may name an endpoint or worse.
            LogUnhealthy(registration.Name, error.GetType().Name, error);
            return $"{Unhealthy}: {error.GetType().Name}";
        }
    }

    [LoggerMessage(EventId = 2301, EventName = "HealthCheckFailed", Level = LogLevel.Warning, Message = "Health check {Check} failed: {Reason}")]
    private partial void LogUnhealthy(string check, string? reason, Exception? exception);
}
