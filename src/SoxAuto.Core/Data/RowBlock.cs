namespace SoxAuto.Core.Data;

/// <summary>
/// Up to <see cref="Capacity"/> consecutive rows of a result: the raw bytes they were parsed from, where each field
/// sits, and every value decoded once to its column type. Row consumers on several threads read the same block; it
/// is recycled when the last of them is done, so a read needs a fixed handful of blocks however long the result.
/// Typed arrays exist only for the columns that need them (a decimal column has decimals, a date column integers).
/// </summary>
internal sealed class RowBlock
{
    private int _pending;

    public RowBlock(ResultSchema schema, int capacity, int bufferSize)
    {
        Columns = schema.Count;
        Capacity = capacity;
        Buffer = new byte[bufferSize];
        Fields = new CsvField[capacity * Columns];
        CanonicalStart = new int[capacity * Columns];
        CanonicalLength = new int[capacity * Columns];
        Integers = new long[Columns][];
        Decimals = new ScaledDecimal[Columns][];
        Doubles = new double[Columns][];
        for (int column = 0; column < Columns; column++)
        {
            switch (schema.Columns[column].Type.Kind)
            {
                case ColumnKind.Integer or ColumnKind.Boolean or ColumnKind.Date or ColumnKind.Timestamp:
                    Integers[column] = new long[capacity];
                    break;
                case ColumnKind.Decimal:
                    Decimals[column] = new ScaledDecimal[capacity];
                    break;
                case ColumnKind.Double:
                    Doubles[column] = new double[capacity];
                    break;
                default:
                    break;
            }
        }
    }

    public int Columns { get; }

    public int Capacity { get; }

    /// <summary>The raw CSV bytes; fields point into them. Grows only for a single row longer than it.</summary>
    public byte[] Buffer { get; set; }

    /// <summary>Field positions, row-major: row r, column c at <c>r * Columns + c</c>.</summary>
    public CsvField[] Fields { get; }

    public long[][] Integers { get; }

    public ScaledDecimal[][] Decimals { get; }

    public double[][] Doubles { get; }

    /// <summary>Where a value's canonical text sits in <see cref="Canonical"/>; length −1 means "its text is canonical".</summary>
    public int[] CanonicalStart { get; }

    public int[] CanonicalLength { get; }

    public byte[] Canonical { get; set; } = new byte[4096];

    public int CanonicalUsed { get; set; }

    /// <summary>Values that held doubled quotes, with the quotes collapsed.</summary>
    public byte[] Unescaped { get; set; } = new byte[1024];

    public int UnescapedUsed { get; set; }

    public int RowCount { get; set; }

    /// <summary>1-based number of the block's first data row.</summary>
    public long FirstRow { get; set; }

    public void Reset(long firstRow)
    {
        RowCount = 0;
        FirstRow = firstRow;
        CanonicalUsed = 0;
        UnescapedUsed = 0;
    }

    /// <summary>Hands the block to <paramref name="readers"/> consumers; <see cref="Release"/> says when the last one is done.</summary>
    public void Share(int readers) => Volatile.Write(ref _pending, readers);

    public bool Release() => Interlocked.Decrement(ref _pending) == 0;
}
