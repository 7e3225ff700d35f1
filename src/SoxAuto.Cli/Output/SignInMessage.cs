using System.Globalization;
using SoxAuto.Aws.Sso;

namespace SoxAuto.Cli.Output;

/// <summary>
/// Our own sign-in instructions (AWSSDK.Core's <c>GetSsoSigninMessage</c> prints a literal "0" where line breaks belong):
/// the page and the code, each on its own line so they can be copied, and when the code stops working.
/// </summary>
internal static class SignInMessage
{
    public static async Task WriteAsync(TextWriter writer, SsoProfile profile, SsoSignInPrompt prompt)
    {
        await writer.WriteLineAsync($"Sign in to AWS IAM Identity Center for profile '{profile.ProfileName}' ({profile.StartUrl}).");
        await writer.WriteLineAsync("Open this page in a browser:");
        await writer.WriteLineAsync();
        await writer.WriteLineAsync($"    {prompt.VerificationUri}");
        await writer.WriteLineAsync();
        await writer.WriteLineAsync("and enter the code:");
        await writer.WriteLineAsync();
        await writer.WriteLineAsync($"    {prompt.UserCode}");
        await writer.WriteLineAsync();
        if (!string.Equals(prompt.VerificationUriComplete, prompt.VerificationUri, StringComparison.Ordinal))
        {
            await writer.WriteLineAsync($"(or open {prompt.VerificationUriComplete}, which fills in the code)");
        }

        string expires = prompt.ExpiresAt.UtcDateTime.ToString("HH:mm", CultureInfo.InvariantCulture);
        await writer.WriteLineAsync($"Waiting for approval; the code works until {expires} UTC. Press Ctrl+C to cancel.");
    }

    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";
}
