using System.Globalization;
using System.Text;
using SoxAuto.Core.Data;

namespace SoxAuto.Core.Tests.Evidence;

/// <summary>A deterministic, GL-like Athena result (ids, accounts, amounts, dates, timestamps, flags, free text, NULLs) of any size.</summary>
internal static class GeneralLedgerCsv
{
    public static ResultSchema Schema { get; } = new([
        new ColumnSchema("journal_id", AthenaType.Parse("varchar")),
        new ColumnSchema("line_no", AthenaType.Parse("integer")),
        new ColumnSchema("company", AthenaType.Parse("varchar")),
        new ColumnSchema("account", AthenaType.Parse("varchar")),
        new ColumnSchema("amount", AthenaType.Parse("decimal(38,2)")),
        new ColumnSchema("currency", AthenaType.Parse("varchar")),
        new ColumnSchema("posted", AthenaType.Parse("date")),
        new ColumnSchema("created_at", AthenaType.Parse("timestamp")),
        new ColumnSchema("approved", AthenaType.Parse("boolean")),
        new ColumnSchema("fx_rate", AthenaType.Parse("double")),
        new ColumnSchema("description", AthenaType.Parse("varchar")),
    ]);

    private static readonly string[] Words = ["accrual", "invoice", "payment", "reversal", "fx", "revaluation", "freight", "rebate", "Zoë", "Q3", "adj.", "\"manual\""];

    public static byte[] Create(int rows)
    {
        Random random = new(42);
        int[] accounts = [.. Enumerable.Range(0, 300).Select(_ => random.Next(100000, 999999))];
        string[] rates = [.. Enumerable.Range(0, 20).Select(_ => Math.Round(0.5 + random.NextDouble(), 6).ToString("R", CultureInfo.InvariantCulture))];
        StringBuilder csv = new("\"journal_id\",\"line_no\",\"company\",\"account\",\"amount\",\"currency\",\"posted\",\"created_at\",\"approved\",\"fx_rate\",\"description\"\n");
        DateTime start = new(2025, 1, 1);
        for (int i = 0; i < rows; i++)
        {
            DateTime created = start.AddSeconds(random.Next(0, 270 * 86400)).AddMilliseconds(random.Next(1000));
            string description = string.Join(' ', Enumerable.Range(0, random.Next(0, 6)).Select(_ => Words[random.Next(Words.Length)]));
            csv.Append(CultureInfo.InvariantCulture,
                $"\"JE-{i / 4:D8}\",\"{(i % 4) + 1}\",\"{1000 * (1 + random.Next(8))}\",\"{accounts[random.Next(accounts.Length)]}\",\"{(random.Next(-5_000_000, 5_000_000) / 100m).ToString("0.00", CultureInfo.InvariantCulture)}\",");
            csv.Append(random.Next(10) == 0 ? string.Empty : random.Next(3) == 0 ? "\"USD\"" : "\"EUR\"").Append(',');
            csv.Append(CultureInfo.InvariantCulture, $"\"{created:yyyy-MM-dd}\",\"{created:yyyy-MM-dd HH:mm:ss.fff}\",\"{(random.Next(5) == 0 ? "false" : "true")}\",\"{rates[random.Next(rates.Length)]}\",");
            csv.Append(description.Length == 0 && random.Next(2) == 0 ? string.Empty : "\"" + description.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"").Append('\n');
        }

        return Encoding.UTF8.GetBytes(csv.ToString());
    }
}
