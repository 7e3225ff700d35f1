using System.Security.Cryptography;
using System.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SoxAuto.Core.Catalog;

/// <summary>
/// Loads a catalog folder: <c>settings.yaml</c> and one <c>&lt;ID&gt;.yaml</c> per item. It never stops at the first
/// problem: every file is read, every problem collected, then <see cref="CatalogValidator"/> adds the semantic rules.
/// </summary>
public static class CatalogLoader
{
    public static IpeCatalog Load(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        List<CatalogProblem> problems = [];
        if (!Directory.Exists(directory))
        {
            problems.Add(CatalogProblem.Error(CatalogRules.NoItems, SourceLocation.InFile(directory),
                $"catalog folder '{directory}' does not exist", "pass --catalog DIR, or run from the folder that holds catalog/"));
            return new IpeCatalog(directory, CatalogSettings.Empty, [], problems, string.Empty);
        }

        string[] files = Directory.EnumerateFiles(directory)
            .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToArray();
        CatalogSettings settings = CatalogSettings.Empty;
        List<CatalogItem> items = [];
        StringBuilder manifest = new();
        foreach (string path in files)
        {
            byte[] bytes = File.ReadAllBytes(path);
            string name = Path.GetFileName(path);
            string sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
            manifest.Append(sha256).Append("  ").Append(name).Append('\n');
            YamlMappingNode? root = Parse(bytes, name, problems, out YamlSource? source);
            if (root is null || source is null)
            {
                continue;
            }

            if (string.Equals(name, SettingsReader.FileName, StringComparison.Ordinal))
            {
                settings = SettingsReader.Read(root, source);
            }
            else if (CatalogItemReader.Read(root, source, sha256) is { } item)
            {
                items.Add(item);
            }
        }

        problems.AddRange(CatalogValidator.Validate(items, settings, files.Length == 0 ? directory : null));
        string catalogSha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(manifest.ToString())));
        return new IpeCatalog(directory, settings, items, problems, catalogSha256);
    }

    private static YamlMappingNode? Parse(byte[] bytes, string name, List<CatalogProblem> problems, out YamlSource? source)
    {
        source = null;
        string text;
        try
        {
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            problems.Add(CatalogProblem.Error(CatalogRules.YamlSyntax, SourceLocation.InFile(name), "the file is not valid UTF-8", "save it as UTF-8"));
            return null;
        }

        text = text.TrimStart('\uFEFF');
        source = new YamlSource(name, text.Split('\n'), problems);
        YamlStream stream = [];
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            problems.Add(CatalogProblem.Error(CatalogRules.YamlSyntax,
                new SourceLocation(name, checked((int)ex.Start.Line), checked((int)ex.Start.Column)),
                $"YAML syntax: {Describe(ex)}", "fix the YAML at this position (indentation, quotes, a missing ':')"));
            return null;
        }
        catch (InvalidOperationException ex)
        {
            // YamlDotNet's scanner throws this, without a position, for some unclosed flow collections ("[a, b").
            problems.Add(CatalogProblem.Error(CatalogRules.YamlSyntax, SourceLocation.InFile(name),
                $"YAML syntax: the file cannot be read ({ex.Message})", "look for an unclosed [ { or quote"));
            return null;
        }

        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            problems.Add(CatalogProblem.Error(CatalogRules.YamlSyntax, SourceLocation.InFile(name),
                "the file must hold exactly one YAML mapping (field: value pairs)", "see docs/catalog.md for the item format"));
            return null;
        }

        return root;
    }

    private static string Describe(YamlException ex)
    {
        string message = ex.InnerException?.Message ?? ex.Message;

        // YamlDotNet prefixes its messages with the position, which our location already carries.
        int close = message.IndexOf("): ", StringComparison.Ordinal);
        return message.StartsWith('(') && close > 0 ? message[(close + 3)..] : message;
    }
}
