namespace SoxAuto.Testing;

/// <summary>
/// The environment variables that make an AWS SDK read a named profile from the shared files. The local servers
/// (moto_server, the Athena emulator) are started without them: moto's botocore resolves AWS_PROFILE on every request
/// and answers 500 (ProfileNotFound) when it names a profile this machine lacks — a developer's or a CI job's profile
/// meant for soxauto, not for the emulators, which need no credentials at all.
/// </summary>
public static class AwsProfileVariables
{
    public static IReadOnlyList<string> Names { get; } = ["AWS_PROFILE", "AWS_DEFAULT_PROFILE", "AWS_CONFIG_FILE", "AWS_SHARED_CREDENTIALS_FILE"];
}
