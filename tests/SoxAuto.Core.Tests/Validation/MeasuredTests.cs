namespace SoxAuto.Core.Tests.Validation;

/// <summary>
/// The check and expression tests run apart from the other test classes: allocation tests (ours and
/// ResultReaderTests') read a process-wide counter, which work running in parallel would inflate.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MeasuredTests
{
    public const string Name = "checks and expressions (not in parallel with allocation measurements)";
}
