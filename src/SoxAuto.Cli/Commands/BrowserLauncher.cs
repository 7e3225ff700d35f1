using System.ComponentModel;
using System.Diagnostics;

namespace SoxAuto.Cli.Commands;

/// <summary>
/// Opens a sign-in page in the user's browser when there is one to open: xdg-open on Linux (only with a display),
/// open on macOS, the shell on Windows. Failing to open is fine — the URL and code are always printed.
/// </summary>
internal static class BrowserLauncher
{
    public static bool TryOpen(string url, Func<string, string?> environment)
    {
        // Only web pages: the URL comes from a server's answer and must never start anything else.
        if (!Uri.TryCreate(url, UriKind.Absolute, out Uri? uri) || uri.Scheme is not ("https" or "http"))
        {
            return false;
        }

        ProcessStartInfo? start = null;
        if (OperatingSystem.IsWindows())
        {
            start = new ProcessStartInfo(uri.AbsoluteUri) { UseShellExecute = true };
        }
        else if (OperatingSystem.IsMacOS())
        {
            start = new ProcessStartInfo("open") { ArgumentList = { uri.AbsoluteUri } };
        }
        else if (!string.IsNullOrEmpty(environment("DISPLAY")) || !string.IsNullOrEmpty(environment("WAYLAND_DISPLAY")))
        {
            start = new ProcessStartInfo("xdg-open") { ArgumentList = { uri.AbsoluteUri } };
        }

        if (start is null)
        {
            return false;
        }

        start.RedirectStandardOutput = !start.UseShellExecute;
        start.RedirectStandardError = !start.UseShellExecute;
        try
        {
            using Process? process = Process.Start(start);
            return process is not null;
        }
        catch (Exception ex) when (ex is Win32Exception or InvalidOperationException or PlatformNotSupportedException)
        {
            return false;
        }
    }
}
