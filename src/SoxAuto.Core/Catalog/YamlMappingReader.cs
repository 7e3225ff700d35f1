using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SoxAuto.Core.Catalog;

/// <summary>
/// Reads one YAML mapping field by field, recording a <see cref="CatalogProblem"/> (with file, line and column) for each
/// missing, mistyped or unknown field instead of stopping at the first one.
/// </summary>
internal sealed class YamlMappingReader
{
    private readonly YamlMappingNode _mapping;
    private readonly string _file;
    private readonly string _context;
    private readonly List<CatalogProblem> _problems;
    private readonly IReadOnlyList<string> _lines;
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    public YamlMappingReader(YamlMappingNode mapping, YamlSource source, string context)
    {
        _mapping = mapping;
        _file = source.File;
        _lines = source.Lines;
        _context = context;
        _problems = source.Problems;
    }

    /// <summary>A reader for a nested mapping of the same file.</summary>
    public YamlMappingReader Nested(YamlMappingNode mapping, string context) =>
        new(mapping, new YamlSource(_file, _lines, _problems), context);

    public SourceLocation Location => At(_mapping);

    public string File => _file;

    public List<CatalogProblem> Problems => _problems;

    public SourceLocation At(YamlNode node) => new(_file, checked((int)node.Start.Line), checked((int)node.Start.Column));

    public bool Has(string key) => Find(key) is not null;

    public YamlNode? Find(string key)
    {
        _read.Add(key);
        foreach ((YamlNode k, YamlNode v) in _mapping.Children)
        {
            if (k is YamlScalarNode scalar && string.Equals(scalar.Value, key, StringComparison.Ordinal))
            {
                return v;
            }
        }

        return null;
    }

    public string? String(string key, bool required, string hint = "")
    {
        YamlNode? node = Find(key);
        if (node is null)
        {
            if (required)
            {
                Missing(key, hint);
            }

            return null;
        }

        if (node is YamlScalarNode scalar && !IsNull(scalar))
        {
            return scalar.Value;
        }

        Error(CatalogRules.FieldType, node, $"{_context}: '{key}' must be text", hint);
        return null;
    }

    /// <summary>A scalar with its location; for block scalars (<c>|</c>) the location of its first content line.</summary>
    public QueryText? Text(string key, bool required, string hint = "")
    {
        YamlNode? node = Find(key);
        string? text = String(key, required, hint);
        if (node is not YamlScalarNode scalar || text is null)
        {
            return null;
        }

        SourceLocation start = At(scalar);
        if (scalar.Style is ScalarStyle.Literal or ScalarStyle.Folded)
        {
            // The node starts at the '|' indicator; the text starts on the next line, at the block's indentation
            // (taken from the first non-blank line, as YAML does).
            start = new SourceLocation(_file, start.Line + 1, BlockIndentAfter(start.Line) + 1);
        }
        else if (scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted)
        {
            start = start with { Column = start.Column + 1 };
        }

        return new QueryText(text, start);
    }

    public bool Bool(string key, bool defaultValue)
    {
        YamlNode? node = Find(key);
        if (node is null)
        {
            return defaultValue;
        }

        if (node is YamlScalarNode { Style: ScalarStyle.Plain } scalar && scalar.Value is "true" or "false")
        {
            return scalar.Value == "true";
        }

        Error(CatalogRules.FieldType, node, $"{_context}: '{key}' must be true or false", "write true or false, without quotes");
        return defaultValue;
    }

    public decimal? Decimal(string key)
    {
        YamlNode? node = Find(key);
        if (node is null)
        {
            return null;
        }

        if (node is YamlScalarNode scalar &&
            decimal.TryParse(scalar.Value, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out decimal value))
        {
            return value;
        }

        Error(CatalogRules.FieldType, node, $"{_context}: '{key}' must be a number", "write a plain number such as 1 or 0.95");
        return null;
    }

    public IReadOnlyList<string>? StringList(string key, bool required, string hint = "")
    {
        YamlNode? node = Find(key);
        if (node is null)
        {
            if (required)
            {
                Missing(key, hint);
            }

            return null;
        }

        if (node is not YamlSequenceNode sequence)
        {
            Error(CatalogRules.FieldType, node, $"{_context}: '{key}' must be a list", "write a YAML list, e.g. [a, b]");
            return null;
        }

        List<string> values = [];
        foreach (YamlNode child in sequence.Children)
        {
            if (child is YamlScalarNode scalar && !IsNull(scalar) && scalar.Value is not null)
            {
                values.Add(scalar.Value);
            }
            else
            {
                Error(CatalogRules.FieldType, child, $"{_context}: every element of '{key}' must be text", hint);
            }
        }

        return values;
    }

    public IReadOnlyList<YamlMappingNode>? MappingList(string key, bool required, string hint = "")
    {
        YamlNode? node = Find(key);
        if (node is null)
        {
            if (required)
            {
                Missing(key, hint);
            }

            return null;
        }

        if (node is not YamlSequenceNode sequence)
        {
            Error(CatalogRules.FieldType, node, $"{_context}: '{key}' must be a list of mappings", hint);
            return null;
        }

        List<YamlMappingNode> mappings = [];
        foreach (YamlNode child in sequence.Children)
        {
            if (child is YamlMappingNode mapping)
            {
                mappings.Add(mapping);
            }
            else
            {
                Error(CatalogRules.FieldType, child, $"{_context}: every element of '{key}' must be a mapping (name: value pairs)", hint);
            }
        }

        return mappings;
    }

    public YamlMappingNode? Mapping(string key)
    {
        YamlNode? node = Find(key);
        if (node is null or YamlMappingNode)
        {
            return node as YamlMappingNode;
        }

        Error(CatalogRules.FieldType, node, $"{_context}: '{key}' must be a mapping (name: value pairs)", string.Empty);
        return null;
    }

    /// <summary>Reports every key of the mapping that no getter asked for. Call after reading all known fields.</summary>
    public void ReportUnknownFields(IEnumerable<string> allowed)
    {
        HashSet<string> known = new(allowed, StringComparer.Ordinal);
        known.UnionWith(_read);
        string expected = string.Join(", ", known.Order(StringComparer.Ordinal));
        foreach (YamlNode key in _mapping.Children.Keys)
        {
            string name = (key as YamlScalarNode)?.Value ?? key.ToString();
            if (!known.Contains(name))
            {
                Error(CatalogRules.UnknownField, key, $"{_context}: unknown field '{name}'", $"known fields: {expected}");
            }
        }
    }

    public void Error(string rule, YamlNode node, string message, string hint) =>
        _problems.Add(CatalogProblem.Error(rule, At(node), message, hint));

    public void Missing(string key, string hint) =>
        _problems.Add(CatalogProblem.Error(CatalogRules.MissingField, Location, $"{_context}: required field '{key}' is missing", hint));

    public static bool IsNull(YamlScalarNode scalar) =>
        scalar.Style == ScalarStyle.Plain && scalar.Value is null or "" or "~" or "null" or "Null" or "NULL";

    private int BlockIndentAfter(int indicatorLine)
    {
        for (int line = indicatorLine + 1; line <= _lines.Count; line++)
        {
            string text = _lines[line - 1];
            if (!string.IsNullOrWhiteSpace(text))
            {
                return text.Length - text.TrimStart(' ').Length;
            }
        }

        return 0;
    }
}
