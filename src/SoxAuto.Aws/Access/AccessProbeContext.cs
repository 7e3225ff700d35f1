using Amazon.Runtime;
using Amazon.S3;
using Amazon.SecurityToken;
using SoxAuto.Aws.Athena;
using SoxAuto.Aws.Athena.Model;
using SoxAuto.Aws.Connection;
using SoxAuto.Core.Runs;

namespace SoxAuto.Aws.Access;

/// <summary>
/// What the probes work with — the resolved settings, the catalog's databases, how to make clients — and what earlier
/// probes found for later ones (the session, the workgroup, the effective output location). Owns the clients it makes.
/// </summary>
public sealed class AccessProbeContext : IDisposable
{
    private readonly List<IDisposable> _owned = [];
    private IAthenaClient? _athena;
    private IAmazonS3? _s3;

    public required Func<AwsSession> CreateSession { get; init; }

    public required RunSettings Settings { get; init; }

    /// <summary>The Athena databases the catalog's items read, as logical names (the settings map them).</summary>
    public required IReadOnlyList<string> Databases { get; init; }

    public bool RunQuery { get; init; }

    public required TimeProvider Time { get; init; }

    public Func<AwsSession, IAthenaClient>? AthenaFactory { get; init; }

    public Func<AwsSession, IAmazonS3> S3Factory { get; init; } = session => Storage.S3ClientFactory.Create(session);

    public Func<AwsSession, IAmazonSecurityTokenService> StsFactory { get; init; } = StsClientFactory.Create;

    /// <summary>How result files are read: the same reader as extract's, so the probe proves extract's read path.</summary>
    public Func<AwsSession, IAmazonS3, TimeProvider, Storage.S3ResultReader> ResultReaderFactory { get; init; } = Storage.S3ClientFactory.CreateResultReader;

    /// <summary>Set by the credentials probe.</summary>
    public AwsSession? Session { get; set; }

    /// <summary>The resolved credentials, kept only so the runner can scrub them from any text it reports.</summary>
    public ImmutableCredentials? ResolvedCredentials { get; set; }

    /// <summary>Set by the workgroup probe.</summary>
    public WorkGroup? WorkGroup { get; set; }

    /// <summary>Set by the output-location probe: where query results go (null with managed query results).</summary>
    public string? OutputLocation { get; set; }

    public AwsSession RequireSession() => Session ?? throw new InvalidOperationException("the credentials probe has not passed");

    public IAthenaClient Athena()
    {
        if (_athena is null)
        {
            AwsSession session = RequireSession();
            _athena = AthenaFactory is null ? new AthenaClient(session, Time) : AthenaFactory(session);
            Own(_athena);
        }

        return _athena;
    }

    public IAmazonS3 S3()
    {
        if (_s3 is null)
        {
            _s3 = S3Factory(RequireSession());
            Own(_s3);
        }

        return _s3;
    }

    public Storage.S3ResultReader ResultReader()
    {
        Storage.S3ResultReader reader = ResultReaderFactory(RequireSession(), S3(), Time);
        Own(reader);
        return reader;
    }

    public IAmazonSecurityTokenService Sts()
    {
        IAmazonSecurityTokenService sts = StsFactory(RequireSession());
        Own(sts);
        return sts;
    }

    public void Dispose()
    {
        foreach (IDisposable owned in _owned)
        {
            owned.Dispose();
        }

        _owned.Clear();
    }

    private void Own(object client)
    {
        if (client is IDisposable disposable)
        {
            _owned.Add(disposable);
        }
    }
}
