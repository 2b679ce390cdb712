namespace AsyncCommerce.Testing;

/// <summary>Settings of a local host in azurite mode on the tests' Azurite, in a task hub of its own.</summary>
public static class AzuriteHostSettings
{
    /// <summary><see cref="CommerceApp.FastSettings"/> plus the azurite mode on <paramref name="taskHub"/>, then <paramref name="overrides"/>.</summary>
    public static async Task<Dictionary<string, string?>> ForAsync(string taskHub, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var settings = new Dictionary<string, string?>(CommerceApp.FastSettings)
        {
            ["Commerce:Storage"] = "Azurite",
            ["Commerce:AzureStorage:ConnectionString"] = await TestAzurite.ConnectionStringAsync(),
            ["Commerce:AzureStorage:TaskHub"] = taskHub,
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
            settings[key] = value;
        return settings;
    }
}
