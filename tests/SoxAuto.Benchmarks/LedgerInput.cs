namespace SoxAuto.Benchmarks;

/// <summary>The shared input of the micro-benchmarks: 200,000 ledger rows (about 23 MB) of Athena CSV, made once.</summary>
public static class LedgerInput
{
    public const int Rows = 200_000;

    public static byte[] Csv { get; } = LedgerCsv.Create(Rows);

    public static long Bytes => Csv.LongLength;
}
