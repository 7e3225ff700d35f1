using System.Globalization;
using System.Text;
using SoxAuto.Core.Data;

namespace SoxAuto.Benchmarks;

/// <summary>
/// Synthetic rows shaped like a customer ledger extract in Athena's CSV (about 115 bytes a row): ten columns — ids and
/// names as varchar, a date, a decimal(18,2) amount, codes, a nullable varchar, a boolean.
/// </summary>
public static class LedgerCsv
{
    public static ResultSchema Schema { get; } = new(
    [
        new("id_company", AthenaType.Varchar),
        new("entry_no", AthenaType.Bigint),
        new("customer_no", AthenaType.Varchar),
        new("customer_name", AthenaType.Varchar),
        new("posting_date", AthenaType.Date),
        new("amount_lcy", AthenaType.DecimalOf(18, 2)),
        new("currency", AthenaType.Varchar),
        new("document_type", AthenaType.Varchar),
        new("external_document_no", AthenaType.Varchar),
        new("open", AthenaType.Boolean),
    ]);

    public static byte[] Create(int rows)
    {
        StringBuilder text = new(rows * 120);
        text.Append("\"id_company\",\"entry_no\",\"customer_no\",\"customer_name\",\"posting_date\",\"amount_lcy\",\"currency\",\"document_type\",\"external_document_no\",\"open\"\n");
        string[] companies = ["EC_NG", "JD_GH", "EC_KE", "JM_EG", "EC_MA"];
        for (int i = 1; i <= rows; i++)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"\"{companies[i % 5]}\",\"{i}\",\"C{i % 50000:D7}\",\"Customer {i % 50000} Ltd\",\"2025-{1 + (i % 9):D2}-{1 + (i % 28):D2}\",\"{(i % 2 == 0 ? "-" : string.Empty)}{i % 100000}.{i % 100:D2}\",\"NGN\",\"Invoice\",");
            text.Append(i % 4 == 0 ? string.Empty : $"\"EXT-{i:D9}\"");
            text.Append(i % 3 == 0 ? ",\"true\"\n" : ",\"false\"\n");
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
