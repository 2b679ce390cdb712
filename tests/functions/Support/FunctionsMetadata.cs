using System.Text.Json;

namespace AsyncCommerce.Functions.Tests.Support;

/// <summary>The <c>functions.metadata</c> the Functions SDK wrote when functions/ was built (copied here by the test project).</summary>
public static class FunctionsMetadata
{
    public static string Directory { get; } = Path.Combine(AppContext.BaseDirectory, "function-app");

    public static IReadOnlyList<FunctionEntry> Load()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Directory, "functions.metadata")));
        return [.. document.RootElement.EnumerateArray().Select(FunctionEntry.From)];
    }
}

public sealed record FunctionEntry(string Name, string EntryPoint, IReadOnlyList<BindingEntry> Bindings)
{
    public BindingEntry? Trigger => Bindings.SingleOrDefault(b => b.Direction == "In" && b.Type.EndsWith("Trigger", StringComparison.Ordinal));

    public static FunctionEntry From(JsonElement function) => new(
        function.GetProperty("name").GetString()!,
        function.GetProperty("entryPoint").GetString()!,
        [.. function.GetProperty("bindings").EnumerateArray().Select(BindingEntry.From)]);
}

public sealed record BindingEntry(string Type, string Direction, string? AuthLevel, IReadOnlyList<string> Methods, string? Route, string? Schedule, bool RunOnStartup)
{
    public static BindingEntry From(JsonElement binding) => new(
        binding.GetProperty("type").GetString()!,
        binding.GetProperty("direction").GetString()!,
        binding.TryGetProperty("authLevel", out var level) ? level.GetString() : null,
        binding.TryGetProperty("methods", out var methods) ? [.. methods.EnumerateArray().Select(m => m.GetString()!)] : [],
        binding.TryGetProperty("route", out var route) ? route.GetString() : null,
        binding.TryGetProperty("schedule", out var schedule) ? schedule.GetString() : null,
        binding.TryGetProperty("runOnStartup", out var runOnStartup) && runOnStartup.ValueKind == JsonValueKind.True);
}
