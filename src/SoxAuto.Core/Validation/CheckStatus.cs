namespace SoxAuto.Core.Validation;

/// <summary>The outcome of one check. ERROR means it could not be evaluated, and is never counted as a pass.</summary>
public enum CheckStatus
{
    Pass,
    Fail,
    Error,
    Skipped,
}
