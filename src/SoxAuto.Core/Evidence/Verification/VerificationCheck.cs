namespace SoxAuto.Core.Evidence.Verification;

/// <summary>One thing verification established or refuted about a package: a stable name, the verdict, and why.</summary>
public sealed record VerificationCheck(string Name, bool Ok, string Detail)
{
    public static VerificationCheck Pass(string name, string detail) => new(name, true, detail);

    public static VerificationCheck Fail(string name, string detail) => new(name, false, detail);
}
