namespace AsyncCommerce.LocalHost.Storage;

/// <summary>Where the local host keeps orders, stock and workflows (<c>Commerce:Storage</c>, or <c>--storage</c>).</summary>
public enum StorageMode
{
    /// <summary>Everything in this process's memory: zero setup, gone at exit.</summary>
    Memory,

    /// <summary>Azure Storage on Azurite: the stores on Azure Tables and the Durable engine on the Azure Storage backend; survives restarts and crashes, and several hosts can share it.</summary>
    Azurite,
}

public static class StorageModeSetting
{
    public const string Key = "Commerce:Storage";

    public const string CommandLineSwitch = "--storage";

    /// <summary>The configured mode; <see cref="StorageMode.Memory"/> when unset.</summary>
    /// <exception cref="LocalHostConfigurationException">The value names no mode.</exception>
    public static StorageMode Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var value = configuration[Key];
        if (string.IsNullOrWhiteSpace(value))
            return StorageMode.Memory;
        if (Enum.TryParse<StorageMode>(value.Trim(), ignoreCase: true, out var mode) && Enum.IsDefined(mode))
            return mode;
        throw new LocalHostConfigurationException(
            $"{Key} ({CommandLineSwitch}) must be one of {string.Join(", ", Enum.GetNames<StorageMode>())}, not '{value}'.");
    }
}
