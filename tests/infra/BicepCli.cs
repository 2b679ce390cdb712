using System.Diagnostics;
using System.Reflection;

namespace AsyncCommerce.Infra.Tests;

/// <summary>What one run of the Bicep CLI printed.</summary>
public sealed record BicepRun(string Command, int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>Everything the CLI said besides its payload: empty when the run raised no diagnostic at all.</summary>
    public string Diagnostics => StandardError.Trim();

    public override string ToString() => $"bicep {Command} exited {ExitCode}{Environment.NewLine}{StandardError}{StandardOutput}";
}

/// <summary>
/// The Bicep CLI from the NuGet package Azure.Bicep.CommandLine.linux-x64 (restored with this project, so nothing
/// is downloaded when the tests run). Its path is baked into this assembly by the project file.
/// </summary>
public static class BicepCli
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    // Resolved on first use, so that a missing package fails the tests that need it rather than test discovery.
    private static readonly Lazy<string> Executable = new(() => EnsureExecutable(AssemblyMetadata("BicepCliPath")));

    public static string ExecutablePath => Executable.Value;

    /// <summary>The repository's <c>infra/</c> folder.</summary>
    public static string InfraDirectory { get; } = AssemblyMetadata("InfraDirectory");

    public static async Task<BicepRun> RunAsync(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo(ExecutablePath)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {ExecutablePath}.");
        using var deadline = new CancellationTokenSource(Timeout);
        var output = process.StandardOutput.ReadToEndAsync(deadline.Token);
        var error = process.StandardError.ReadToEndAsync(deadline.Token);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"bicep {string.Join(' ', arguments)} did not finish within {Timeout}.");
        }

        return new BicepRun(string.Join(' ', arguments), process.ExitCode, await output, await error);
    }

    private static string AssemblyMetadata(string key) =>
        typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().SingleOrDefault(a => a.Key == key)?.Value
        ?? throw new InvalidOperationException($"The test assembly has no '{key}' metadata; build it with its project file.");

    private static string EnsureExecutable(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"The Bicep CLI is not at {path}. It comes from the NuGet package Azure.Bicep.CommandLine.linux-x64: run dotnet restore.", path);
        }

        // NuGet extracts package files without the execute bit on some systems.
        if (!OperatingSystem.IsWindows())
        {
            var mode = File.GetUnixFileMode(path);
            if (!mode.HasFlag(UnixFileMode.UserExecute))
                File.SetUnixFileMode(path, mode | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        }

        return path;
    }
}
