using System.CommandLine;
using SoxAuto.Aws.Connection;
using SoxAuto.Aws.Sso;
using SoxAuto.Cli.Output;

namespace SoxAuto.Cli.Commands;

/// <summary>
/// <c>soxauto login</c>: IAM Identity Center (SSO) sign-in with the device-code flow, sharing the AWS CLI's token cache.
/// Instructions go to standard error, the result to standard output. Exit 0 signed in, 2 not an SSO profile,
/// 3 sign-in failed or expired, 130 cancelled.
/// </summary>
internal sealed class LoginCommand : Command
{
    public LoginCommand(CliEnvironment environment)
        : base("login", "Sign in with AWS IAM Identity Center (SSO) using the device-code flow; the sign-in is shared with the AWS CLI.")
    {
        NoBrowserOption = new Option<bool>("--no-browser") { Description = "Do not open a browser; only print the URL and code." };
        Options.Add(ProfileOption);
        Options.Add(NoBrowserOption);
        SetAction(async (parseResult, cancellationToken) =>
        {
            string profileName = parseResult.GetValue(ProfileOption) ?? Blank(environment.Variable("AWS_PROFILE")) ?? "default";
            SsoProfile profile = SsoProfileReader.Read(profileName);
            bool openBrowser = !parseResult.GetValue(NoBrowserOption);
            AwsEndpointResolver endpoints = new(null, environment.Variable);
            SsoTokenCache cache = SsoTokenCache.Default();
            SsoLogin login = new(cache, region => SsoOidcClientFactory.Create(region, endpoints), environment.Time);

            SsoLoginResult result = await login.LoginAsync(profile, async (prompt, _) =>
            {
                await SignInMessage.WriteAsync(environment.Error, profile, prompt);
                if (openBrowser && BrowserLauncher.TryOpen(prompt.VerificationUriComplete, environment.Variable))
                {
                    await environment.Error.WriteLineAsync("A browser window was opened for you.");
                }
            }, cancellationToken);

            string how = result.Refreshed ? "Renewed the sign-in with its refresh token (no browser needed)" : "Signed in";
            await environment.Output.WriteLineAsync(
                $"{how} for profile '{profile.ProfileName}'; valid until {SignInMessage.Time(result.ExpiresAt)}, shared with the AWS CLI ({result.CachePath}).");
            if (profile.HasRole)
            {
                DateTimeOffset? roleExpiry = await SsoRoleCheck.VerifyAsync(profile, cache, environment.Time, cancellationToken);
                string until = roleExpiry is { } expiry ? $"; role credentials valid until {SignInMessage.Time(expiry)}" : string.Empty;
                await environment.Output.WriteLineAsync($"Role '{profile.RoleName}' in account {profile.AccountId} is available{until}.");
            }

            return ExitCodes.Ok;
        });
    }

    public Option<string?> ProfileOption { get; } = CommonOptions.Profile();

    public Option<bool> NoBrowserOption { get; }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
