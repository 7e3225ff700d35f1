using SoxAuto.Core.Catalog;
using SoxAuto.Core.Catalog.Checks;

namespace SoxAuto.Core.Tests.Catalog;

/// <summary>The C-PG-1 catalog shipped in the repository's <c>catalog/</c> folder loads cleanly and is complete.</summary>
public sealed class ShippedCatalogTests
{
    private static readonly string[] ExpectedIds =
        ["CR_03", "CR_04", "CR_05", "IPE_07", "IPE_08", "IPE_09", "IPE_10", "IPE_11", "IPE_12", "IPE_31", "IPE_34"];

    private static readonly Lazy<IpeCatalog> Shipped = new(() => CatalogLoader.Load(Path.Combine(RepositoryRoot(), "catalog")));

    [Fact]
    public void LoadsWithoutErrorsOrWarnings()
    {
        Assert.Empty(Shipped.Value.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void HoldsExactlyTheElevenCpg1Items()
    {
        Assert.Equal(ExpectedIds, Shipped.Value.Items.Select(i => i.Id).Order(StringComparer.Ordinal));
        Assert.All(Shipped.Value.Items, item => Assert.Equal("C-PG-1", item.Control));
    }

    [Fact]
    public void EveryItemHasACompletenessAndAnAccuracyCheck()
    {
        Assert.All(Shipped.Value.Items, item =>
        {
            Assert.Contains(item.Checks, c => c.Category == CheckCategory.Completeness);
            Assert.Contains(item.Checks, c => c.Category == CheckCategory.Accuracy);
        });
    }

    private static string RepositoryRoot()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "SoxAuto.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"no folder above {AppContext.BaseDirectory} holds SoxAuto.sln");
    }
}
