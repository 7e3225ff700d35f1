namespace SoxAuto.Aws.Connection;

/// <summary>
/// Nothing in the credential chain produced credentials (no profile named, no keys in the environment, no default
/// profile, no instance or container role). An access failure, like an expired sign-in, not a mistake in what the user
/// configured — that is <see cref="InvalidAwsConfigurationException"/>. The message says where to put credentials.
/// </summary>
public sealed class AwsCredentialsUnavailableException(string message, Exception? innerException = null) : Exception(message, innerException);
