namespace SoxAuto.Aws.Connection;

/// <summary>AWS cannot be reached as configured (no region, no credentials, a bad endpoint); the message says what to do.</summary>
public sealed class AwsConfigurationException(string message, Exception? innerException = null) : Exception(message, innerException);
