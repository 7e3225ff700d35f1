using System.Reflection;

namespace SoxAuto.Cli;

/// <summary>The tool's identity as recorded in every package: its informational version (with the source commit when built from git).</summary>
internal static class ToolInfo
{
    public static string Version { get; } =
        "soxauto " + (typeof(ToolInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown");
}
