namespace SoxAuto.Testing;

/// <summary>The checkout's root folder (the one holding SoxAuto.sln), found by walking up from the test binaries.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        for (DirectoryInfo? folder = new(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(folder.FullName, "SoxAuto.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"no SoxAuto.sln above {AppContext.BaseDirectory}");
    }
}
