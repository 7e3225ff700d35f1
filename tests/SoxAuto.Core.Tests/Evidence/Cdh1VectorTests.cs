using System.Text.Json;
using SoxAuto.Core.Data;
using SoxAuto.Core.Evidence.Hashing;

namespace SoxAuto.Core.Tests.Evidence;

/// <summary>
/// The C# CDH-1 against the shipped vectors (tests/vectors/cdh1), whose expected hashes were derived from the
/// specification independently of this code; scripts/test_cdh1.py runs the Python checker against the same files.
/// </summary>
public sealed class Cdh1VectorTests
{
    public static TheoryData<string> Vectors()
    {
        TheoryData<string> names = [];
        foreach (JsonElement vector in Manifest().GetProperty("vectors").EnumerateArray())
        {
            names.Add(vector.GetProperty("name").GetString()!);
        }

        return names;
    }

    [Fact]
    public void Manifest_CoversEveryTypeOfTheSpecificationTable()
    {
        HashSet<string> kinds = Manifest().GetProperty("vectors").EnumerateArray()
            .SelectMany(v => v.GetProperty("columns").EnumerateArray())
            .Select(c => AthenaType.Parse(c.GetProperty("type").GetString()!).Kind.ToString())
            .ToHashSet(StringComparer.Ordinal);

        Assert.Equal(Enum.GetNames<ColumnKind>().Order(StringComparer.Ordinal), kinds.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public async Task Vector_HashesToItsExpectedValue_OrIsRefused(string name)
    {
        JsonElement vector = Manifest().GetProperty("vectors").EnumerateArray().Single(v => v.GetProperty("name").GetString() == name);
        ResultSchema schema = new(vector.GetProperty("columns").EnumerateArray()
            .Select(c => new ColumnSchema(c.GetProperty("name").GetString()!, AthenaType.Parse(c.GetProperty("type").GetString()!)))
            .ToArray());
        await using FileStream input = File.OpenRead(Path.Combine(RepositoryPaths.Vectors, vector.GetProperty("file").GetString()!));
        using Cdh1Hasher hasher = new();

        Task read = ResultReader.ReadAsync(input, schema, [hasher], [], CancellationToken.None, bufferSize: 64);

        if (vector.TryGetProperty("expect_error", out _))
        {
            Exception error = await Assert.ThrowsAnyAsync<Exception>(() => read);
            Assert.True(error is CsvFormatException or DataValueException, error.ToString());
            return;
        }

        await read;
        Assert.Equal(vector.GetProperty("dataset_sha256").GetString(), hasher.DatasetSha256);
        Assert.Equal(vector.GetProperty("rows").GetInt64(), hasher.Rows);
    }

    internal static JsonElement Manifest() =>
        JsonDocument.Parse(File.ReadAllBytes(Path.Combine(RepositoryPaths.Vectors, "manifest.json"))).RootElement;
}
