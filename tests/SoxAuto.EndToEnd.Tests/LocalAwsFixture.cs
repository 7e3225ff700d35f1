using SoxAuto.Testing;

namespace SoxAuto.EndToEnd.Tests;

/// <summary>One demo lake and one local AWS (moto + Athena emulator) shared by the tests of a class.</summary>
public sealed class LocalAwsFixture : IDisposable
{
    public LocalAwsFixture()
    {
        Lake = new DemoLake();
        try
        {
            Aws = new LocalAws(Lake.Path);
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
        Aws.Dispose();
        Lake.Dispose();
    }
}
