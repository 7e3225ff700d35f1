using SoxAuto.Aws.Connection;
using SoxAuto.Aws.Sso;

namespace SoxAuto.Cli;

/// <summary>
/// The one place where expected AWS failures become an exit code and one line for the user — no stack trace, and
/// never a secret (these messages are built by soxauto, not copied from AWS answers).
/// </summary>
internal static class AwsFailures
{
    public static bool TryDescribe(Exception exception, out int exitCode, out string message)
    {
        (exitCode, message) = exception switch
        {
            SsoLoginRequiredException e => (ExitCodes.AccessOrRuntimeFailure, e.Message),
            SsoLoginFailedException e => (ExitCodes.AccessOrRuntimeFailure, e.Message),
            InvalidProfileException e => (ExitCodes.InvalidInput, e.Message),
            InvalidAwsConfigurationException e => (ExitCodes.InvalidInput, e.Message),
            AwsCredentialsUnavailableException e => (ExitCodes.AccessOrRuntimeFailure, e.Message),
            _ => (0, string.Empty),
        };
        return message.Length > 0;
    }
}
