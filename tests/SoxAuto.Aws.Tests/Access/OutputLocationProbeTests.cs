using System.Net;
using System.Text;
using Amazon.S3;
using Amazon.S3.Model;
using Moq;
using SoxAuto.Aws.Access;
using SoxAuto.Aws.Athena;
using SoxAuto.Aws.Athena.Model;
using AthenaEncryption = SoxAuto.Aws.Athena.Model.EncryptionConfiguration;

namespace SoxAuto.Aws.Tests.Access;

public sealed class OutputLocationProbeTests
{
    [Fact]
    public async Task AnEnforcingWorkgroupsLocation_WinsOverTheSettings_AndItsEncryptionIsUsed()
    {
        Mock<IAmazonS3> s3 = WorkingBucket(out List<PutObjectRequest> puts);
        using AccessProbeContext context = ProbeContexts.With(new Mock<IAthenaClient>(MockBehavior.Strict), s3);
        context.WorkGroup = WorkGroup(enforce: true, location: "s3://wg-bucket/enforced", encryption: "SSE_KMS");

        ProbeResult result = await new OutputLocationProbe().RunAsync(context, CancellationToken.None);

        Assert.Equal(ProbeStatus.Pass, result.Status);
        PutObjectRequest put = Assert.Single(puts);
        Assert.Equal("wg-bucket", put.BucketName);
        Assert.Matches("^enforced/soxauto-access-probe-[0-9a-f]{32}\\.txt$", put.Key);
        Assert.Equal(ServerSideEncryptionMethod.AWSKMS, put.ServerSideEncryptionMethod);
        Assert.Equal("s3://wg-bucket/enforced", context.OutputLocation);
        s3.Verify(s => s.DeleteObjectAsync(It.Is<DeleteObjectRequest>(d => d.Key == put.Key), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task TheSettingsLocation_IsUsedWhenTheWorkgroupDoesNotEnforce()
    {
        Mock<IAmazonS3> s3 = WorkingBucket(out List<PutObjectRequest> puts);
        using AccessProbeContext context = ProbeContexts.With(new Mock<IAthenaClient>(MockBehavior.Strict), s3);
        context.WorkGroup = WorkGroup(enforce: false, location: "s3://wg-bucket/own/");

        ProbeResult result = await new OutputLocationProbe().RunAsync(context, CancellationToken.None);

        Assert.Equal("s3://results/soxauto/ (from settings.yaml): bucket exists; probe object written, read back and deleted", result.Detail);
        Assert.Equal("results", Assert.Single(puts).BucketName);
    }

    [Fact]
    public async Task NoLocationAnywhere_FailsSayingWhereToSetOne()
    {
        using AccessProbeContext context = ProbeContexts.With(new Mock<IAthenaClient>(MockBehavior.Strict), outputLocation: null);
        context.WorkGroup = WorkGroup(enforce: false, location: null);

        ProbeResult result = await new OutputLocationProbe().RunAsync(context, CancellationToken.None);

        Assert.Equal(ProbeStatus.Fail, result.Status);
        Assert.Contains("--output-location", result.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWriteThatIsDenied_FailsNamingBucketPrefixAndPermission()
    {
        Mock<IAmazonS3> s3 = WorkingBucket(out _);
        s3.Setup(s => s.PutObjectAsync(It.IsAny<PutObjectRequest>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new AmazonS3Exception("Access Denied") { ErrorCode = "AccessDenied", StatusCode = HttpStatusCode.Forbidden });
        using AccessProbeContext context = ProbeContexts.With(new Mock<IAthenaClient>(MockBehavior.Strict), s3);
        context.WorkGroup = WorkGroup(enforce: false, location: null);

        ProbeResult result = await new OutputLocationProbe().RunAsync(context, CancellationToken.None);

        Assert.Equal(ProbeResult.Fail("output-location", "bucket 'results', prefix 'soxauto/' (from settings.yaml): access denied for s3:PutObject",
            "the role needs s3:PutObject on arn:aws:s3:::results/soxauto/*"), result);
    }

    [Fact]
    public async Task ManagedQueryResults_NeedNoLocation_AndAreSkipped()
    {
        using AccessProbeContext context = ProbeContexts.With(new Mock<IAthenaClient>(MockBehavior.Strict));
        context.WorkGroup = new WorkGroup
        {
            Name = "sox",
            Configuration = new WorkGroupConfiguration { ManagedQueryResultsConfiguration = new ManagedQueryResultsConfiguration { Enabled = true } },
        };

        ProbeResult result = await new OutputLocationProbe().RunAsync(context, CancellationToken.None);

        Assert.Equal(ProbeStatus.Skipped, result.Status);
    }

    private static WorkGroup WorkGroup(bool enforce, string? location, string? encryption = null) => new()
    {
        Name = "sox",
        State = "ENABLED",
        Configuration = new WorkGroupConfiguration
        {
            EnforceWorkGroupConfiguration = enforce,
            ResultConfiguration = new ResultConfiguration
            {
                OutputLocation = location,
                EncryptionConfiguration = encryption is null ? null : new AthenaEncryption { EncryptionOption = encryption },
            },
        },
    };

    /// <summary>A bucket that exists and gives back what was put into it.</summary>
    private static Mock<IAmazonS3> WorkingBucket(out List<PutObjectRequest> puts)
    {
        List<PutObjectRequest> written = [];
        puts = written;
        Mock<IAmazonS3> s3 = new();
        s3.Setup(s => s.GetBucketLocationAsync(It.IsAny<GetBucketLocationRequest>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new GetBucketLocationResponse());
        s3.Setup(s => s.PutObjectAsync(It.IsAny<PutObjectRequest>(), It.IsAny<CancellationToken>()))
            .Callback((PutObjectRequest request, CancellationToken _) => written.Add(request))
            .ReturnsAsync(new PutObjectResponse());
        s3.Setup(s => s.GetObjectAsync(It.IsAny<GetObjectRequest>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(() => new GetObjectResponse { ResponseStream = new MemoryStream(Encoding.UTF8.GetBytes(written[^1].ContentBody)) });
        s3.Setup(s => s.DeleteObjectAsync(It.IsAny<DeleteObjectRequest>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new DeleteObjectResponse());
        return s3;
    }
}
