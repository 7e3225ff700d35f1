using System.Diagnostics;

namespace SoxAuto.Core.Tests.Evidence;

/// <summary>Runs a standard tool (sha256sum, unzip, python3) to completion as a real process, as an auditor would.</summary>
internal static class ProcessRunner
{
    public static async Task<(int ExitCode, string Output)> RunAsync(string program, IEnumerable<string> arguments, string? workingDirectory = null)
    {
        if (SoxAuto.Testing.ExternalProcess.FindOnPath(program) is null)
        {
            throw new InvalidOperationException($"{program} is not on PATH; the evidence tests run the auditor's standard tools");
        }

        ProcessStartInfo info = new(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (string argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(info)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        using CancellationTokenSource timeout = new(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }
}
