using SoxAuto.Core.Catalog;
using SoxAuto.Core.Data;
using SoxAuto.Core.Evidence.Json;

namespace SoxAuto.Core.Evidence;

/// <summary>
/// Writes one run's evidence into a new folder <c>&lt;out&gt;/&lt;run_id&gt;/</c>: a package per item (through
/// <see cref="BeginItem"/>) and finally run.json. Nothing already on disk is reused or overwritten: the run folder
/// must not exist (otherwise a fresh run id is drawn), packages and run.json are renamed into place only when
/// complete and never over an existing file. Thread-safe: items may be written concurrently.
/// </summary>
public sealed class RunEvidenceWriter : IRunEvidenceWriter
{
    public const string RunFileName = "run.json";
    private const int MaxIdAttempts = 16;

    private readonly HashSet<string> _begun = new(StringComparer.OrdinalIgnoreCase);

    private RunEvidenceWriter(string runFolder, RunContext context)
    {
        RunFolder = runFolder;
        Context = context;
    }

    public string RunFolder { get; }

    /// <summary>The run's context; its <see cref="RunContext.RunId"/> is the folder's name (a new one if the given id was taken).</summary>
    public RunContext Context { get; }

    /// <summary>Creates <c>&lt;outDirectory&gt;/&lt;run id&gt;/</c> (and <paramref name="outDirectory"/> if needed).</summary>
    /// <exception cref="ArgumentException">The context's run id is not of the <see cref="RunIds"/> shape.</exception>
    /// <exception cref="IOException">No unused run folder could be created.</exception>
    public static RunEvidenceWriter Create(string outDirectory, RunContext context)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(outDirectory);
        ArgumentNullException.ThrowIfNull(context);
        if (!RunIds.IsValid(context.RunId))
        {
            throw new ArgumentException($"'{context.RunId}' is not a run id (see RunIds.New)", nameof(context));
        }

        Directory.CreateDirectory(outDirectory);
        string runId = context.RunId;
        for (int attempt = 0; attempt < MaxIdAttempts; attempt++)
        {
            string folder = Path.GetFullPath(Path.Combine(outDirectory, runId));
            // Check, then create: a collision needs the same cutoff, second and 32 random bits; even then no file is
            // overwritten, because every file in the folder is renamed into place without overwriting.
            if (!Directory.Exists(folder) && !File.Exists(folder))
            {
                Directory.CreateDirectory(folder);
                return new RunEvidenceWriter(folder, context with { RunId = runId });
            }

            runId = RunIds.New(context.Cutoff, context.StartedAt);
        }

        throw new IOException($"could not create a new run folder in {outDirectory}: {MaxIdAttempts} run ids were already taken");
    }

    /// <exception cref="ArgumentException">The item id cannot be a file name, or the item was already begun in this run.</exception>
    public IItemEvidenceWriter BeginItem(CatalogItem item, ResultSchema schema)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(schema);
        if (!EntryNames.IsSafe(item.Id))
        {
            throw new ArgumentException($"item id '{item.Id}' cannot name a package file", nameof(item));
        }

        lock (_begun)
        {
            if (!_begun.Add(item.Id))
            {
                throw new ArgumentException($"item {item.Id} was already begun in run {Context.RunId}", nameof(item));
            }
        }

        return new ItemEvidenceWriter(RunFolder, Context, item, schema);
    }

    /// <summary>
    /// Removes the run folder if nothing is in it — the state a run cancelled before any package completed leaves
    /// (incomplete packages remove their own temporary files). Anything at all in it, above all a completed package,
    /// keeps the folder: only an empty folder is deleted, never a file. A failure to remove is ignored, because it must
    /// not hide why the run stopped.
    /// </summary>
    /// <returns>Whether the folder was removed.</returns>
    public bool RemoveIfEmpty()
    {
        try
        {
            if (Directory.EnumerateFileSystemEntries(RunFolder).Any())
            {
                return false;
            }

            // Not recursive: should a package land in between, the delete fails rather than take it along.
            Directory.Delete(RunFolder, recursive: false);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <exception cref="IOException">run.json already exists (the run was completed before).</exception>
    public async Task<string> CompleteRunAsync(IReadOnlyList<ItemOutcome> outcomes, DateTimeOffset finishedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        string path = Path.Combine(RunFolder, RunFileName);
        await TemporaryFiles.WriteAtomicallyAsync(path, RunDocument.Create(Context, outcomes, finishedAt), cancellationToken);
        return path;
    }
}
