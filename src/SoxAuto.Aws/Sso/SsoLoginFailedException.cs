namespace SoxAuto.Aws.Sso;

/// <summary>The sign-in did not complete: the code expired unapproved, it was denied, or IAM Identity Center refused the client.</summary>
public sealed class SsoLoginFailedException(string message, Exception? innerException = null) : Exception(message, innerException);
