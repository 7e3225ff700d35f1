using SoxAuto.Aws.Athena;
using SoxAuto.Aws.Connection;
using SoxAuto.Aws.Storage;
using SoxAuto.Core.Catalog;
using SoxAuto.Core.Data;
using SoxAuto.Core.Execution;
using SoxAuto.Core.Runs;
using SoxAuto.Core.Sql;
using SoxAuto.Testing;

namespace SoxAuto.EndToEnd.Tests;

/// <summary>Every shipped catalog query — main and source — runs on the emulator over the demo lake, with the declared columns.</summary>
public sealed class CatalogQueriesTests(LocalAwsFixture local) : IClassFixture<LocalAwsFixture>
{
    public static TheoryData<string> ItemIds => new(CatalogLoader.Load(RepositoryRoot.Combine("catalog")).Items.Select(i => i.Id));

    [Theory]
    [MemberData(nameof(ItemIds))]
    public async Task MainAndSourceQueries_RunOnTheEmulator_WithTheDeclaredColumns(string itemId)
    {
        IpeCatalog catalog = CatalogLoader.Load(RepositoryRoot.Combine("catalog"));
        CatalogItem item = catalog.FindItem(itemId)!;
        RunSettings settings = RunSettings.Resolve(catalog.Settings, SettingsOverrides.None, local.Variable);
        IReadOnlyDictionary<string, BoundParameter> parameters = ParameterBinder.Bind(item, RunValues.For(new DateOnly(2025, 9, 30), catalog.Settings.Values));
        AwsSession session = AwsSessionFactory.Create(AwsOptions.None, settings.Region, local.Variable);
        using AthenaClient client = new(session, TimeProvider.System);
        using Amazon.S3.AmazonS3Client s3 = S3ClientFactory.Create(session);
        AthenaQueryEngine engine = new(client, S3ClientFactory.CreateResultReader(session, s3, TimeProvider.System), new AthenaQueryEngineOptions(settings.Workgroup, settings.OutputLocation, settings.AthenaCatalog), TimeProvider.System);

        RenderedQuery main = QueryRenderer.Render(item.Query.Sql, parameters, settings.Databases);
        QueryExecutionInfo execution = await engine.ExecuteAsync(new QueryRequest(item.Id, main.QueryString, main.ExecutionParameters, item.Databases[0], settings.AthenaCatalog), CancellationToken.None);
        IReadOnlyList<ResultColumn> columns = await engine.GetColumnsAsync(execution, CancellationToken.None);
        Assert.Null(ColumnMatcher.Mismatch(item.Columns, columns));
        ResultSchema schema = new(item.Columns.Select(c => new ColumnSchema(c.Name, c.Type)).ToArray());
        await using (OpenedResult result = await engine.OpenResultAsync(execution, columns, CancellationToken.None))
        {
            ResultReadSummary read = await ResultReader.ReadAsync(result.Content, schema, [], [], CancellationToken.None);
            Assert.True(read.Rows > 0, $"{item.Id} returned no rows on the demo lake");
        }

        foreach (var check in item.Checks.Where(c => c.SourceQuery is not null))
        {
            RenderedQuery source = QueryRenderer.Render(check.SourceQuery!.Sql, parameters, settings.Databases);
            QueryExecutionInfo sourceExecution = await engine.ExecuteAsync(new QueryRequest(check.Id, source.QueryString, source.ExecutionParameters, item.Databases[0], settings.AthenaCatalog), CancellationToken.None);
            Assert.Equal("SUCCEEDED", sourceExecution.State);
        }
    }
}
