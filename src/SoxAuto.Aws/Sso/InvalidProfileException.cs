namespace SoxAuto.Aws.Sso;

/// <summary>The named profile cannot be signed in: it does not exist, is not an IAM Identity Center profile, or is incomplete. A usage error.</summary>
public sealed class InvalidProfileException(string message) : Exception(message);
