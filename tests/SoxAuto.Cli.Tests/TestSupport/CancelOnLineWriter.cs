namespace SoxAuto.Cli.Tests.TestSupport;

/// <summary>
/// Captures text like a <see cref="StringWriter"/> and cancels <paramref name="cancel"/> as soon as a line starting
/// with <paramref name="trigger"/> is written: a Ctrl+C at a known point of a command instead of after a guessed delay.
/// </summary>
internal sealed class CancelOnLineWriter(string trigger, CancellationTokenSource cancel) : StringWriter
{
    public override void WriteLine(string? value)
    {
        base.WriteLine(value);
        CancelOn(value);
    }

    public override Task WriteLineAsync(string? value)
    {
        Task written = base.WriteLineAsync(value);
        CancelOn(value);
        return written;
    }

    private void CancelOn(string? line)
    {
        if (line is not null && line.StartsWith(trigger, StringComparison.Ordinal))
        {
            cancel.Cancel();
        }
    }
}
