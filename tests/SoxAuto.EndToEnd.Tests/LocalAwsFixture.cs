using SoxAuto.Testing;

namespace SoxAuto.EndToEnd.Tests;

/// <summary>One demo lake and one local AWS (moto + Athena emulator) shared by the tests of a class.</summary>
public class LocalAwsFixture : IDisposable
{
    public LocalAwsFixture()
        : this(null)
    {
    }

    protected LocalAwsFixture(string? workgroupsJson)
    {
        Lake = new DemoLake();
        try
        {
            Aws = new LocalAws(Lake.Path, workgroupsJson);
        }
        catch
        {
            Lake.Dispose();
            throw;
        }
    }

    public DemoLake Lake { get; }

    public LocalAws Aws { get; }

    public string? Variable(string name) => Aws.Environment.GetValueOrDefault(name);

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            Aws.Dispose();
            Lake.Dispose();
        }
    }
}
