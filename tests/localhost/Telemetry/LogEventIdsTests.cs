using System.Text.RegularExpressions;

namespace AsyncCommerce.LocalHost.Tests.Telemetry;

/// <summary>
/// Every log message the product declares has its own event id and name, across all its projects: an alert or a query
/// on an id (in Application Insights, or a log file) must find one kind of message, whichever host wrote it.
/// </summary>
/// <remarks>
/// Why the sources and not the assemblies: no test project references every host and adapter (the Functions app and
/// the local host are both applications), and ids must not collide between them either.
/// </remarks>
public sealed partial class LogEventIdsTests
{
    private static readonly string[] ProductFolders = ["adapters", "api", "functions", "localhost", "orchestrations"];

    [Fact]
    public void LogMessages_AcrossTheProduct_HaveTheirOwnEventIdAndName()
    {
        var declarations = Declarations().ToArray();

        Assert.True(declarations.Length >= 50, $"Found only {declarations.Length} log message declarations; is the source scan still finding them?");
        Assert.All(declarations, declaration => Assert.True(declaration.Id > 0, $"{declaration.Where} declares no event id."));
        Assert.Equal("", string.Join("; ", Repeated(declarations, declaration => declaration.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        Assert.Equal("", string.Join("; ", Repeated(declarations, declaration => declaration.Name)));
    }

    private static IEnumerable<string> Repeated(IEnumerable<LogDeclaration> declarations, Func<LogDeclaration, string> key) =>
        declarations.GroupBy(key)
            .Where(group => group.Count() > 1)
            .Select(group => $"{group.Key}: {string.Join(", ", group.Select(declaration => declaration.Where))}");

    private static IEnumerable<LogDeclaration> Declarations()
    {
        var root = RepositoryPaths.Root;
        foreach (var folder in ProductFolders)
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(root, folder), "*.cs", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(root, file);
                if (relative.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" or "node_modules"))
                    continue;
                foreach (Match attribute in LoggerMessageAttribute().Matches(File.ReadAllText(file)))
                {
                    var arguments = attribute.Groups["arguments"].Value;
                    var id = EventIdArgument().Match(arguments);
                    var name = EventNameArgument().Match(arguments) is { Success: true } named ? named.Groups["name"].Value : null;
                    yield return new LogDeclaration(
                        id.Success ? int.Parse(id.Groups["id"].Value, System.Globalization.CultureInfo.InvariantCulture) : 0,
                        name ?? $"(unnamed in {relative})",
                        $"{relative} ({name ?? "unnamed"})");
                }
            }
        }
    }

    [GeneratedRegex(@"\[LoggerMessage\((?<arguments>.*?)\)\]", RegexOptions.Singleline)]
    private static partial Regex LoggerMessageAttribute();

    [GeneratedRegex(@"\bEventId\s*=\s*(?<id>\d+)")]
    private static partial Regex EventIdArgument();

    [GeneratedRegex(@"\bEventName\s*=\s*""(?<name>\w+)""")]
    private static partial Regex EventNameArgument();

    private sealed record LogDeclaration(int Id, string Name, string Where);
}
