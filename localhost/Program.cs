using AsyncCommerce.LocalHost;

var builder = WebApplication.CreateBuilder(args);
builder.UseLocalDefaults();
builder.Services.AddLocalCommerce(builder.Configuration);

var app = builder.Build();
app.MapLocalCommerce();
await app.RunAsync();

/// <summary>The local host's entry point; public so tests can start it with WebApplicationFactory.</summary>
public partial class Program;
