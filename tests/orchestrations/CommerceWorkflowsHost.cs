using System.ComponentModel;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace AsyncCommerce.Orchestrations.Tests;

/// <summary>A bare host with only <c>AddCommerceWorkflows</c>, to see what configuration does to it at start.</summary>
public static class CommerceWorkflowsHost
{
    /// <summary>Starts and stops a host configured with <paramref name="settings"/>; start-time validation throws from here.</summary>
    public static async Task StartAsync(params (string Key, string Value)[] settings)
    {
        using var host = Build(settings);
        await host.StartAsync();
        await host.StopAsync();
    }

    /// <summary>The options a host configured with <paramref name="settings"/> runs with.</summary>
    public static TOptions Options<TOptions>(params (string Key, string Value)[] settings)
        where TOptions : class
    {
        using var host = Build(settings);
        return host.Services.GetRequiredService<IOptions<TOptions>>().Value;
    }

    /// <summary>The value one property of <typeparamref name="TOptions"/> has in a host configured with it alone.</summary>
    public static object? Setting<TOptions>(string property, string value)
        where TOptions : class
    {
        var section = (string)typeof(TOptions).GetField("Section")!.GetValue(null)!;
        return typeof(TOptions).GetProperty(property)!.GetValue(Options<TOptions>(($"{section}:{property}", value)));
    }

    /// <summary><paramref name="value"/> read as the type of that property, as configuration binding reads it.</summary>
    public static object? Parse<TOptions>(string property, string value) =>
        TypeDescriptor.GetConverter(typeof(TOptions).GetProperty(property)!.PropertyType).ConvertFromInvariantString(value);

    private static IHost Build((string Key, string Value)[] settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)));
        builder.Services.AddCommerceWorkflows(builder.Configuration);
        return builder.Build();
    }
}
