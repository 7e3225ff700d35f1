using System.Diagnostics;
using System.Text;

namespace SoxAuto.Testing;

/// <summary>
/// A server process a test starts and must stop: output captured for diagnostics, killed with its children on dispose.
/// </summary>
public sealed class ExternalProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private ExternalProcess(Process process)
    {
        _process = process;
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    /// <summary>
    /// Starts <paramref name="program"/> with this process's environment, plus <paramref name="environment"/> and minus
    /// <paramref name="withoutVariables"/>; fails with <paramref name="missingHint"/> when it is not on PATH.
    /// </summary>
    public static ExternalProcess Start(string program, IEnumerable<string> arguments, string missingHint,
        IReadOnlyDictionary<string, string>? environment = null, string? workingDirectory = null,
        Action<string>? onOutputLine = null, IEnumerable<string>? withoutVariables = null)
    {
        if (FindOnPath(program) is null)
        {
            throw new InvalidOperationException($"{program} not found on PATH; {missingHint}");
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

        foreach (string name in withoutVariables ?? [])
        {
            info.Environment.Remove(name);
        }

        foreach ((string name, string value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        Process process = new() { StartInfo = info, EnableRaisingEvents = true };
        ExternalProcess external = new(process);
        process.OutputDataReceived += (_, e) => external.Append(e.Data, onOutputLine);
        process.ErrorDataReceived += (_, e) => external.Append(e.Data, null);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return external;
    }

    public static string? FindOnPath(string program)
    {
        if (Path.IsPathRooted(program))
        {
            return File.Exists(program) ? program : null;
        }

        foreach (string folder in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator))
        {
            string candidate = Path.Combine(folder, program);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>
    /// Runs a program to completion — a standard tool such as sha256sum, unzip or python3, as an auditor would — and
    /// returns its exit code and everything it printed. Fails clearly when the program is not on PATH or hangs.
    /// </summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string program, IEnumerable<string> arguments, string? workingDirectory = null)
    {
        using ExternalProcess process = Start(program, arguments, "the tests run the standard tools an auditor would use", workingDirectory: workingDirectory);
        using CancellationTokenSource timeout = new(TimeSpan.FromMinutes(2));
        await process._process.WaitForExitAsync(timeout.Token);
        process._process.WaitForExit(); // drains the redirected output
        return (process._process.ExitCode, process.Log);
    }

    /// <summary>Waits for the process to end; false when it is still running after <paramref name="timeout"/>.</summary>
    public bool WaitForExit(TimeSpan timeout, out int exitCode)
    {
        bool exited = _process.WaitForExit(timeout);
        if (exited)
        {
            _process.WaitForExit(); // drains the redirected output
        }

        exitCode = exited ? _process.ExitCode : -1;
        return exited;
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        _process.Dispose();
    }

    private void Append(string? line, Action<string>? onOutputLine)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.AppendLine(line);
        }

        onOutputLine?.Invoke(line);
    }
}
