namespace SoxAuto.Core.Evidence.Verification;

/// <summary>The outcome of verifying one package: every check made, in order. It holds only if every check passed.</summary>
public sealed record PackageVerification(string Path, IReadOnlyList<VerificationCheck> Checks)
{
    public bool Ok => Checks.Count > 0 && Checks.All(c => c.Ok);
}
