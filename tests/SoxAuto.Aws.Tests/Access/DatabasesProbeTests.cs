using Moq;
using SoxAuto.Aws.Access;
using SoxAuto.Aws.Athena;
using SoxAuto.Aws.Athena.Model;

namespace SoxAuto.Aws.Tests.Access;

public sealed class DatabasesProbeTests
{
    [Fact]
    public async Task EachDatabaseIsLookedUpUnderItsMappedName_AndEveryMissingOneIsNamed()
    {
        Mock<IAthenaClient> athena = new(MockBehavior.Strict);
        athena.Setup(a => a.GetDatabaseAsync(It.Is<GetDatabaseRequest>(r => r.DatabaseName == "prod_nav_bi" && r.CatalogName == "AwsDataCatalog" && r.WorkGroup == "sox"),
            It.IsAny<CancellationToken>())).ReturnsAsync(new GetDatabaseResponse { Database = new Database { Name = "prod_nav_bi" } });
        athena.Setup(a => a.GetDatabaseAsync(It.Is<GetDatabaseRequest>(r => r.DatabaseName != "prod_nav_bi"), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new AthenaException("MetadataException", "EntityNotFoundException: Database x not found.", 400, "r1"));
        using AccessProbeContext context = ProbeContexts.With(athena, databaseMapping: new Dictionary<string, string> { ["nav_bi"] = "prod_nav_bi", ["bob"] = "prod_bob" },
            databases: ["nav_bi", "bob", "nav_bi", "raw"]);

        ProbeResult result = await new DatabasesProbe().RunAsync(context, CancellationToken.None);

        Assert.Equal(ProbeStatus.Fail, result.Status);
        Assert.Equal("missing from AwsDataCatalog: prod_bob (catalog name 'bob'), raw", result.Detail);
        athena.Verify(a => a.GetDatabaseAsync(It.IsAny<GetDatabaseRequest>(), It.IsAny<CancellationToken>()), Times.Exactly(3));
    }

    [Fact]
    public async Task AllFound_Passes()
    {
        Mock<IAthenaClient> athena = new(MockBehavior.Strict);
        athena.Setup(a => a.GetDatabaseAsync(It.IsAny<GetDatabaseRequest>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new GetDatabaseResponse { Database = new Database { Name = "x" } });
        using AccessProbeContext context = ProbeContexts.With(athena, databases: ["b", "a"]);

        ProbeResult result = await new DatabasesProbe().RunAsync(context, CancellationToken.None);

        Assert.Equal(ProbeResult.Pass("databases", "2 found in AwsDataCatalog: a, b"), result);
    }

    [Fact]
    public async Task NoDatabasesInTheCatalog_IsSkipped()
    {
        using AccessProbeContext context = ProbeContexts.With(new Mock<IAthenaClient>(MockBehavior.Strict));

        ProbeResult result = await new DatabasesProbe().RunAsync(context, CancellationToken.None);

        Assert.Equal(ProbeStatus.Skipped, result.Status);
    }
}
