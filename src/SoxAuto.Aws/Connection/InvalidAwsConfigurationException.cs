namespace SoxAuto.Aws.Connection;

/// <summary>
/// What the user configured for reaching AWS cannot work as written: a profile that does not exist or yields no
/// credentials, no region anywhere, an <c>AWS_ENDPOINT_URL*</c> value that is not a URL. Found before any AWS call and
/// fixed by the user, so it is a usage error, whichever command and whichever source (flag, environment variable,
/// config file) it came from. The message names the setting, its value and what to do.
/// </summary>
public sealed class InvalidAwsConfigurationException(string message) : Exception(message);
