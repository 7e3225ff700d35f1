using SoxAuto.Aws.Connection;
using SoxAuto.Aws.Sso;

namespace SoxAuto.Cli.Tests;

public sealed class AwsFailuresTests
{
    [Fact]
    public void AMissingSignIn_IsExit3_WithTheOneLineThatSaysWhatToRun()
    {
        Assert.True(AwsFailures.TryDescribe(new SsoLoginRequiredException("finance", expired: true), out int exitCode, out string message));

        Assert.Equal(ExitCodes.AccessOrRuntimeFailure, exitCode);
        Assert.Equal("the IAM Identity Center sign-in for AWS profile 'finance' has expired; run 'soxauto login --profile finance'", message);
    }

    [Fact]
    public void AProfileThatCannotSignIn_IsInvalidInput()
    {
        Assert.True(AwsFailures.TryDescribe(new InvalidProfileException("not SSO"), out int exitCode, out _));

        Assert.Equal(ExitCodes.InvalidInput, exitCode);
    }

    [Fact]
    public void AMistakeInTheAwsConfiguration_IsInvalidInput_LikeABadFlag()
    {
        Assert.True(AwsFailures.TryDescribe(new InvalidAwsConfigurationException("no region"), out int exitCode, out string message));

        Assert.Equal(ExitCodes.InvalidInput, exitCode);
        Assert.Equal("no region", message);
    }

    [Fact]
    public void MissingCredentialsAndSignInFailures_AreExit3_AndAnythingElseIsNotMapped()
    {
        Assert.True(AwsFailures.TryDescribe(new AwsCredentialsUnavailableException("no credentials"), out int credentials, out _));
        Assert.True(AwsFailures.TryDescribe(new SsoLoginFailedException("denied"), out int failed, out _));

        Assert.Equal(ExitCodes.AccessOrRuntimeFailure, credentials);
        Assert.Equal(ExitCodes.AccessOrRuntimeFailure, failed);
        Assert.False(AwsFailures.TryDescribe(new InvalidOperationException("bug"), out _, out _));
    }
}
