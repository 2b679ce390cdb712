using AsyncCommerce.Api.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Logging;

namespace AsyncCommerce.Functions.Http;

/// <summary>
/// Turns an exception that escapes an HTTP trigger into the API's problem+json 500 (the local host does the same
/// with ASP.NET Core's exception handler); without it the Functions host answers with an empty 500. Orchestrator
/// and activity functions have no HTTP context, so their exceptions pass through to Durable Functions untouched.
/// </summary>
internal sealed partial class UnhandledErrorMiddleware(ILogger<UnhandledErrorMiddleware> logger) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            await next(context);
        }
        catch (Exception error) when (context.GetHttpContext() is { Response.HasStarted: false } http)
        {
            LogUnhandled(error, context.FunctionDefinition.Name, http.TraceIdentifier);
            await Problems.Unexpected().ExecuteAsync(http);
        }
    }

    [LoggerMessage(EventId = 6001, EventName = "UnhandledFunctionError", Level = LogLevel.Error, Message = "Function {FunctionName} failed (trace {TraceId})")]
    private partial void LogUnhandled(Exception error, string functionName, string traceId);
}
