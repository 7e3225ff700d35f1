namespace SoxAuto.Core.Validation.Evaluators;

/// <summary>
/// A check cannot be set up for this run (a column the result lacks, an expression that does not compile against the
/// bound values): the factory turns it into an ERROR result, and the other checks go on.
/// </summary>
internal sealed class CheckSetupException(string message) : Exception(message);
