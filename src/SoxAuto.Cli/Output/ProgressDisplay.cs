using System.Globalization;
using SoxAuto.Core.Execution;

namespace SoxAuto.Cli.Output;

/// <summary>
/// Shows what each item is doing. On a terminal: one line per item, redrawn in place (ANSI cursor movement) at most
/// every 250 ms. Otherwise (a log, a CI job): a plain line per state change. Written to standard error, so standard
/// output stays the summary (or JSON).
/// </summary>
internal sealed class ProgressDisplay(TextWriter writer, bool live, TimeProvider time) : IProgress<ItemProgress>
{
    private static readonly TimeSpan RedrawInterval = TimeSpan.FromMilliseconds(250);

    private readonly Lock _lock = new();
    private readonly List<string> _order = [];
    private readonly Dictionary<string, ItemProgress> _latest = new(StringComparer.Ordinal);
    private int _drawnLines;
    private DateTimeOffset _lastDraw = DateTimeOffset.MinValue;

    public void Report(ItemProgress value)
    {
        lock (_lock)
        {
            if (!_latest.ContainsKey(value.ItemId))
            {
                _order.Add(value.ItemId);
            }

            ItemProgress? previous = _latest.GetValueOrDefault(value.ItemId);
            _latest[value.ItemId] = value;
            if (!live)
            {
                if (previous?.Phase != value.Phase && value.Phase != ItemPhase.Queued)
                {
                    writer.WriteLine(Describe(value));
                }

                return;
            }

            DateTimeOffset now = time.GetUtcNow();
            if (value.Phase == ItemPhase.Done || now - _lastDraw >= RedrawInterval)
            {
                Redraw();
                _lastDraw = now;
            }
        }
    }

    /// <summary>Draws the final state once more so the last picture is complete.</summary>
    public void Flush()
    {
        lock (_lock)
        {
            if (live)
            {
                Redraw();
            }

            writer.Flush();
        }
    }

    private void Redraw()
    {
        if (_drawnLines > 0)
        {
            writer.Write($"\u001b[{_drawnLines}A");
        }

        foreach (string id in _order)
        {
            writer.Write("\u001b[2K");
            writer.WriteLine(Describe(_latest[id]));
        }

        _drawnLines = _order.Count;
        writer.Flush();
    }

    private static string Describe(ItemProgress progress)
    {
        string rows = progress.Rows is { } count ? count.ToString("N0", CultureInfo.InvariantCulture) + " rows" : string.Empty;
        string phase = progress.Phase switch
        {
            ItemPhase.Queued => "queued",
            ItemPhase.Querying => "running query",
            ItemPhase.Reading => "reading result",
            ItemPhase.Checking => "checking",
            ItemPhase.Packaging => "writing package",
            _ => progress.Detail ?? "done",
        };
        string detail = progress.Phase is ItemPhase.Reading && progress.Detail is { } id ? $"(execution {id})" : string.Empty;
        return string.Join(' ', new[] { $"{progress.ItemId,-10}", phase, rows, detail }.Where(s => s.Length > 0));
    }
}
