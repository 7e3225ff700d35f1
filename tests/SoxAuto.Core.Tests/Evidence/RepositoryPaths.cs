namespace SoxAuto.Core.Tests.Evidence;

/// <summary>Files of this checkout that tests use: the CDH-1 vectors and the Python checker.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Vectors => Path.Combine(Root, "tests", "vectors", "cdh1");

    public static string Cdh1Script => Path.Combine(Root, "scripts", "cdh1.py");

    private static string FindRoot()
    {
        for (DirectoryInfo? folder = new(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "SoxAuto.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"no SoxAuto.sln above {AppContext.BaseDirectory}");
    }
}
