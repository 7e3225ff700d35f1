namespace SoxAuto.Core.Evidence;

/// <summary>
/// An item's outcome in a run: PASS (every check passed or was skipped), FAIL (a check failed), ERROR (the item, or a
/// check, could not run — never reported as a pass).
/// </summary>
public enum ItemStatus
{
    Pass,
    Fail,
    Error,
}
