using System.CommandLine.Parsing;
using SoxAuto.Core.Runs;

namespace SoxAuto.Cli.Commands;

/// <summary>
/// Parse-and-validate functions for option values. They report problems with <see cref="SymbolResult.AddError"/> and
/// never throw, so a bad value is a clean usage error (exit 2) naming the option and the value.
/// </summary>
internal static class OptionParsers
{
    public static DateOnly? ParseCutoff(ArgumentResult result)
    {
        string token = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Join(' ', result.Tokens.Select(t => t.Value));
        if (CutoffDate.TryParse(token, out DateOnly cutoff, out string error))
        {
            return cutoff;
        }

        result.AddError(error);
        return null;
    }

    public static Uri? ParseEndpoint(ArgumentResult result)
    {
        string token = result.Tokens[0].Value;
        if (Uri.TryCreate(token, UriKind.Absolute, out Uri? uri) && uri.Scheme is "http" or "https" && string.IsNullOrEmpty(uri.Query))
        {
            return uri;
        }

        result.AddError($"--endpoint-url '{token}' is not an http:// or https:// URL (for example http://127.0.0.1:4566)");
        return null;
    }

    public static string? ParseS3Uri(ArgumentResult result)
    {
        string token = result.Tokens[0].Value;
        if (S3OutputLocation.IsValid(token))
        {
            return token;
        }

        result.AddError($"--output-location '{token}' is not an S3 URI (for example {S3OutputLocation.Example})");
        return null;
    }

    public static int ParseConcurrency(ArgumentResult result)
    {
        string token = result.Tokens[0].Value;
        if (int.TryParse(token, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int value) && value is >= 1 and <= 32)
        {
            return value;
        }

        result.AddError($"--concurrency '{token}' must be a whole number from 1 to 32");
        return 1;
    }
}
