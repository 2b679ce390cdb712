using System.Reflection;

namespace AsyncCommerce.LocalHost.Tests;

/// <summary>The repository this test assembly was built from (its project file records it), for tests that read or run its files.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } =
        typeof(RepositoryPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!;
}
