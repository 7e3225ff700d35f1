using System.CommandLine;

namespace SoxAuto.Cli.Commands;

/// <summary><c>soxauto login</c>: IAM Identity Center (SSO) device-code sign-in, sharing the AWS CLI's token cache.</summary>
internal sealed class LoginCommand : Command
{
    public LoginCommand(CliEnvironment environment)
        : base("login", "Sign in with AWS IAM Identity Center (SSO) using the device-code flow; the sign-in is shared with the AWS CLI.")
    {
        NoBrowserOption = new Option<bool>("--no-browser") { Description = "Do not open a browser; only print the URL and code." };
        Options.Add(ProfileOption);
        Options.Add(NoBrowserOption);
        SetAction(async (_, cancellationToken) =>
        {
            cancellationToken.ThrowIfCancellationRequested();
            return await NotYetAvailable.ReportAsync(environment, Name, "#6");
        });
    }

    public Option<string?> ProfileOption { get; } = CommonOptions.Profile();

    public Option<bool> NoBrowserOption { get; }
}
