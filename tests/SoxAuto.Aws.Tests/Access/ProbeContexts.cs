using Amazon;
using Amazon.Runtime;
using Amazon.S3;
using Moq;
using SoxAuto.Aws.Access;
using SoxAuto.Aws.Athena;
using SoxAuto.Aws.Connection;
using SoxAuto.Core.Catalog;
using SoxAuto.Core.Runs;

namespace SoxAuto.Aws.Tests.Access;

/// <summary>Contexts for probe tests: a resolved session (the credentials probe's work done) and mocked Athena and S3.</summary>
internal static class ProbeContexts
{
    public static AccessProbeContext With(Mock<IAthenaClient> athena, Mock<IAmazonS3>? s3 = null, string? outputLocation = "s3://results/soxauto/",
        IReadOnlyDictionary<string, string>? databaseMapping = null, IReadOnlyList<string>? databases = null, bool runQuery = false,
        Func<AwsSession, IAmazonS3, TimeProvider, SoxAuto.Aws.Storage.S3ResultReader>? resultReader = null) => new()
        {
            CreateSession = () => throw new InvalidOperationException("the session is given"),
            Settings = RunSettings.Resolve(new CatalogSettings
            {
                Workgroup = "sox",
                OutputLocation = outputLocation,
                Databases = databaseMapping ?? new Dictionary<string, string>(),
            }, SettingsOverrides.None, _ => null),
            Databases = databases ?? [],
            RunQuery = runQuery,
            Time = TimeProvider.System,
            AthenaFactory = _ => athena.Object,
            S3Factory = _ => (s3 ?? new Mock<IAmazonS3>(MockBehavior.Strict)).Object,
            ResultReaderFactory = resultReader ?? SoxAuto.Aws.Storage.S3ClientFactory.CreateResultReader,
            Session = new AwsSession(new BasicAWSCredentials("AKIAUNITTEST", "unit-test-secret"), "test", RegionEndpoint.EUWest1,
            new AwsEndpointResolver(null, _ => null), null),
        };
}
