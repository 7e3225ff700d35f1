using Amazon.Runtime;
using Moq;
using SoxAuto.Aws.Access;
using SoxAuto.Aws.Athena;

namespace SoxAuto.Aws.Tests.Access;

public sealed class AccessProbeRunnerTests
{
    [Fact]
    public async Task AProbeWhoseNeedsFailed_IsSkipped_NamingTheFailureAtTheRoot()
    {
        AccessProbeRunner runner = new([Probe("a", ProbeStatus.Pass), Probe("b", ProbeStatus.Fail, "a"), Probe("c", ProbeStatus.Pass, "b"), Probe("d", ProbeStatus.Pass, "a")]);

        AccessReport report = await runner.RunAsync(Context(), CancellationToken.None);

        Assert.Equal([ProbeStatus.Pass, ProbeStatus.Fail, ProbeStatus.Skipped, ProbeStatus.Pass], report.Results.Select(r => r.Status));
        Assert.Equal("not run: b failed", report.Results[2].Detail);
        Assert.False(report.Ok);
    }

    [Fact]
    public async Task AProbeSkippedForAHarmlessReason_DoesNotBlockOthers_AndTheReportIsOk()
    {
        AccessProbeRunner runner = new([Probe("a", ProbeStatus.Skipped), Probe("b", ProbeStatus.Pass, "a")]);

        AccessReport report = await runner.RunAsync(Context(), CancellationToken.None);

        Assert.Equal(ProbeStatus.Pass, report.Results[1].Status);
        Assert.True(report.Ok);
    }

    [Fact]
    public async Task AProbeThatOutlivesItsTimeBound_FailsWithNoAnswer_AndTheRunGoesOn()
    {
        Mock<IAccessProbe> slow = new();
        slow.SetupGet(p => p.Name).Returns("slow");
        slow.SetupGet(p => p.Needs).Returns([]);
        slow.SetupGet(p => p.Timeout).Returns(TimeSpan.FromMilliseconds(50));
        slow.SetupGet(p => p.TimeoutFix).Returns("wait less");
        slow.Setup(p => p.RunAsync(It.IsAny<AccessProbeContext>(), It.IsAny<CancellationToken>()))
            .Returns(async (AccessProbeContext _, CancellationToken token) =>
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, token);
                return ProbeResult.Pass("slow", "never");
            });
        AccessProbeRunner runner = new([slow.Object, Probe("next", ProbeStatus.Pass)]);

        AccessReport report = await runner.RunAsync(Context(), CancellationToken.None);

        Assert.Equal(ProbeResult.Fail("slow", "no answer within 0 s", "wait less"), report.Results[0]);
        Assert.Equal(ProbeStatus.Pass, report.Results[1].Status);
    }

    [Fact]
    public async Task UserCancellation_StopsTheRun()
    {
        using CancellationTokenSource cancelled = new();
        await cancelled.CancelAsync();
        Mock<IAccessProbe> probe = new();
        probe.SetupGet(p => p.Name).Returns("p");
        probe.SetupGet(p => p.Needs).Returns([]);
        probe.SetupGet(p => p.Timeout).Returns(TimeSpan.FromSeconds(20));
        probe.Setup(p => p.RunAsync(It.IsAny<AccessProbeContext>(), It.IsAny<CancellationToken>()))
            .Returns((AccessProbeContext _, CancellationToken token) => Task.FromCanceled<ProbeResult>(token));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new AccessProbeRunner([probe.Object]).RunAsync(Context(), cancelled.Token));
    }

    [Fact]
    public async Task AnUnexpectedError_BecomesThatProbesFail_WithoutItsMessage()
    {
        Mock<IAccessProbe> probe = new();
        probe.SetupGet(p => p.Name).Returns("p");
        probe.SetupGet(p => p.Needs).Returns([]);
        probe.SetupGet(p => p.Timeout).Returns(TimeSpan.FromSeconds(20));
        probe.Setup(p => p.RunAsync(It.IsAny<AccessProbeContext>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new InvalidOperationException("secret-ish internals"));

        AccessReport report = await new AccessProbeRunner([probe.Object]).RunAsync(Context(), CancellationToken.None);

        Assert.Equal(ProbeStatus.Fail, report.Results[0].Status);
        Assert.Equal("unexpected InvalidOperationException", report.Results[0].Detail);
    }

    [Fact]
    public async Task CredentialValues_AreScrubbedFromEveryDetailAndFix()
    {
        AccessProbeContext context = Context();
        context.ResolvedCredentials = new ImmutableCredentials("AKIASCRUBME", "secret-to-scrub", "session-token-to-scrub");
        AccessProbeRunner runner = new([Probe("p", ProbeStatus.Fail, detail: "key AKIASCRUBME secret secret-to-scrub", fix: "token session-token-to-scrub")]);

        AccessReport report = await runner.RunAsync(context, CancellationToken.None);

        Assert.Equal("key *** secret ***", report.Results[0].Detail);
        Assert.Equal("token ***", report.Results[0].Fix);
    }

    private static AccessProbeContext Context() => ProbeContexts.With(new Mock<IAthenaClient>(MockBehavior.Strict));

    private static IAccessProbe Probe(string name, ProbeStatus status, string? need = null, string detail = "found", string fix = "do")
    {
        Mock<IAccessProbe> probe = new();
        probe.SetupGet(p => p.Name).Returns(name);
        probe.SetupGet(p => p.Needs).Returns(need is null ? [] : [need]);
        probe.SetupGet(p => p.Timeout).Returns(TimeSpan.FromSeconds(20));
        probe.Setup(p => p.RunAsync(It.IsAny<AccessProbeContext>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ProbeResult(name, status, detail, status == ProbeStatus.Fail ? fix : null));
        return probe.Object;
    }
}
