using Moq;
using SoxAuto.Aws.Access;
using SoxAuto.Aws.Athena;
using SoxAuto.Aws.Athena.Model;

namespace SoxAuto.Aws.Tests.Access;

public sealed class WorkgroupProbeTests
{
    [Fact]
    public async Task EnabledWorkgroup_Passes_DescribingLocationEnforcementAndEncryption_AndIsKeptForLaterProbes()
    {
        WorkGroup workGroup = new()
        {
            Name = "sox",
            State = "ENABLED",
            Configuration = new WorkGroupConfiguration
            {
                EnforceWorkGroupConfiguration = true,
                ResultConfiguration = new ResultConfiguration
                {
                    OutputLocation = "s3://wg-results/sox/",
                    EncryptionConfiguration = new EncryptionConfiguration { EncryptionOption = "SSE_KMS" },
                },
            },
        };
        Mock<IAthenaClient> athena = Answering(workGroup);
        using AccessProbeContext context = ProbeContexts.With(athena);

        ProbeResult result = await new WorkgroupProbe().RunAsync(context, CancellationToken.None);

        Assert.Equal(ProbeStatus.Pass, result.Status);
        Assert.Equal("'sox' ENABLED; output location s3://wg-results/sox/ (enforced); result encryption SSE_KMS", result.Detail);
        Assert.Same(workGroup, context.WorkGroup);
    }

    [Fact]
    public async Task DisabledWorkgroup_Fails()
    {
        using AccessProbeContext context = ProbeContexts.With(Answering(new WorkGroup { Name = "sox", State = "DISABLED" }));

        ProbeResult result = await new WorkgroupProbe().RunAsync(context, CancellationToken.None);

        Assert.Equal(ProbeStatus.Fail, result.Status);
        Assert.Contains("DISABLED", result.Detail, StringComparison.Ordinal);
        Assert.Null(context.WorkGroup);
    }

    [Fact]
    public async Task UnknownWorkgroup_FailsNamingItAndTheRegion()
    {
        Mock<IAthenaClient> athena = new(MockBehavior.Strict);
        athena.Setup(a => a.GetWorkGroupAsync(It.IsAny<GetWorkGroupRequest>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new InvalidRequestException("WorkGroup is not found.", "INVALID_INPUT", 400, "r1"));
        using AccessProbeContext context = ProbeContexts.With(athena);

        ProbeResult result = await new WorkgroupProbe().RunAsync(context, CancellationToken.None);

        Assert.Equal("Athena workgroup 'sox' (from settings.yaml) does not exist in eu-west-1", result.Detail);
    }

    [Fact]
    public async Task AccessDenied_FailsNamingThePermission()
    {
        Mock<IAthenaClient> athena = new(MockBehavior.Strict);
        athena.Setup(a => a.GetWorkGroupAsync(It.IsAny<GetWorkGroupRequest>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new AthenaException("AccessDeniedException", "User is not authorized", 400, "r1"));
        using AccessProbeContext context = ProbeContexts.With(athena);

        ProbeResult result = await new WorkgroupProbe().RunAsync(context, CancellationToken.None);

        Assert.Equal(ProbeStatus.Fail, result.Status);
        Assert.Contains("athena:GetWorkGroup", result.Fix, StringComparison.Ordinal);
    }

    private static Mock<IAthenaClient> Answering(WorkGroup workGroup)
    {
        Mock<IAthenaClient> athena = new(MockBehavior.Strict);
        athena.Setup(a => a.GetWorkGroupAsync(It.Is<GetWorkGroupRequest>(r => r.WorkGroup == "sox"), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new GetWorkGroupResponse { WorkGroup = workGroup });
        return athena;
    }
}
