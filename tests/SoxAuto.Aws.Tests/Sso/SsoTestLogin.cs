using SoxAuto.Aws.Connection;
using SoxAuto.Aws.Sso;
using SoxAuto.Testing;

namespace SoxAuto.Aws.Tests.Sso;

/// <summary>An <see cref="SsoLogin"/> wired to the fake server, whose waits are recorded (and move a fixed clock) instead of slept.</summary>
internal sealed class SsoTestLogin
{
    public SsoTestLogin(SsoHome home, TimeProvider? time = null)
    {
        Time = time ?? TimeProvider.System;
        Cache = new SsoTokenCache(home.CacheDirectory);
        AwsEndpointResolver endpoints = new(null, Environment.GetEnvironmentVariable);
        Login = new SsoLogin(Cache, region => SsoOidcClientFactory.Create(region, endpoints), Time, (wait, _) =>
        {
            Waits.Add(wait);
            (Time as FixedTimeProvider)?.Advance(wait);
            return Task.CompletedTask;
        });
    }

    public TimeProvider Time { get; }

    public SsoTokenCache Cache { get; }

    public SsoLogin Login { get; }

    public List<TimeSpan> Waits { get; } = [];

    public List<SsoSignInPrompt> Prompts { get; } = [];

    public Task<SsoLoginResult> RunAsync(string profileName) =>
        Login.LoginAsync(SsoProfileReader.Read(profileName), (prompt, _) =>
        {
            Prompts.Add(prompt);
            return Task.CompletedTask;
        }, CancellationToken.None);
}
