namespace AsyncCommerce.LocalHost;

/// <summary>How the local host's web hosts read their configuration files.</summary>
internal static class ConfigurationFiles
{
    /// <summary>
    /// The arguments plus the host setting that reads appsettings.json once instead of watching it. Watching is a
    /// recursive inotify watch on the content root (here the repository, with node_modules, .azurite and bin/obj), and
    /// every write under it, such as Azurite's data files or a build, costs the host CPU: a tenth of its CPU in a profile
    /// under load taken while the tree was busy. Nobody edits these files under a running local host.
    /// </summary>
    public static string[] ReadOnce(string[] args) => [.. args, "--hostBuilder:reloadConfigOnChange=false"];
}
