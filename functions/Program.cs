using AsyncCommerce.Functions;
using AsyncCommerce.Functions.Http;
using AsyncCommerce.Functions.Telemetry;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
FunctionAppSettings.EnsureValid(builder.Configuration);

builder.ConfigureFunctionsWebApplication();
builder.UseMiddleware<UnhandledErrorMiddleware>();
builder.UseMiddleware<BearerAuthorizationMiddleware>();
builder.Services
    .AddCommerceStorage(builder.Configuration)
    .AddCommerceFunctionApp(builder.Configuration)
    .AddCommerceTelemetry(builder.Configuration)
    .EnsurePortsRegistered();

await builder.Build().RunAsync();
