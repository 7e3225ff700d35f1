namespace SoxAuto.Core.Evidence.Verification;

/// <summary>data.csv.gz decompresses to more than the verifier allows for its size (a likely zip bomb).</summary>
internal sealed class ExpansionLimitException(long limit)
    : Exception($"data.csv.gz expands to more than {limit} bytes, far beyond what CSV data compresses to (a zip-bomb guard; scripts/cdh1.py --max-ratio 0 checks it without the limit)");
