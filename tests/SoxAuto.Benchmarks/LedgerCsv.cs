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

    private static readonly string[] Companies = ["EC_NG", "JD_GH", "EC_KE", "JM_EG", "EC_MA", "EC_IC", "HF_SN", "JD_UG", "JD_DZ"];
    private static readonly string[] Currencies = ["NGN", "GHS", "KES", "EGP", "MAD", "XOF", "XOF", "UGX", "DZD"];
    private static readonly string[] FirstNames = ["Adebayo", "Chinwe", "Kwame", "Amina", "Omar", "Fatou", "Wanjiru", "Youssef", "Nadia", "Kofi", "Aissatou", "Tunde"];
    private static readonly string[] LastNames = ["Okafor", "Mensah", "Kamau", "Diallo", "El Amrani", "Ndiaye", "Otieno", "Haddad", "Boateng", "Traore", "Mwangi", "Benali", "Nwosu"];
    private static readonly string[] DocumentTypes = ["Invoice", "Invoice", "Invoice", "Payment", "Credit Memo", "Refund"];

    /// <summary>Rows like scripts/bench/generate-ledger.mjs makes: values derived from hashes of the row number, so they vary like real data.</summary>
    public static byte[] Create(int rows)
    {
        StringBuilder text = new(rows * 120);
        text.Append("\"id_company\",\"entry_no\",\"customer_no\",\"customer_name\",\"posting_date\",\"amount_lcy\",\"currency\",\"document_type\",\"external_document_no\",\"open\"\n");
        DateOnly first = new(2024, 10, 1);
        for (long i = 0; i < rows; i++)
        {
            ulong h1 = Mix((ulong)i), h2 = Mix(unchecked(((ulong)i * 31) + 7)), h3 = Mix(unchecked(((ulong)i * 131) + 11));
            long cents = (long)(h3 % 200_000_000) - 100_000_000;
            string amount = (cents < 0 ? "-" : string.Empty) + (Math.Abs(cents) / 100).ToString(CultureInfo.InvariantCulture) + "." + (Math.Abs(cents) % 100).ToString("D2", CultureInfo.InvariantCulture);
            text.Append(CultureInfo.InvariantCulture,
                $"\"{Companies[h1 % 9]}\",\"{100_000_000 + i}\",\"C{h2 % 900_000:D7}\",\"{FirstNames[h2 % 12]} {LastNames[h3 % 13]} {h3 % 9973}\",\"{first.AddDays((int)(h1 % 365)):yyyy-MM-dd}\",\"{amount}\",\"{Currencies[h1 % 9]}\",\"{DocumentTypes[h2 % 6]}\",");
            text.Append(h3 % 4 == 0 ? string.Empty : $"\"EXT-{h1 % 1_000_000_000}\"");
            text.Append(h2 % 3 == 0 ? ",\"true\"\n" : ",\"false\"\n");
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    // splitmix64: cheap, well-distributed pseudo-random values from the row number (deterministic).
    private static ulong Mix(ulong x)
    {
        unchecked
        {
            x += 0x9E3779B97F4A7C15UL;
            x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
            x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
            return x ^ (x >> 31);
        }
    }
}
