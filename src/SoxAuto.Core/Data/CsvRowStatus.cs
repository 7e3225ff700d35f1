namespace SoxAuto.Core.Data;

internal enum CsvRowStatus
{
    /// <summary>A whole row was parsed.</summary>
    Complete,

    /// <summary>The buffer ends inside the row: read more bytes and try again from the same position.</summary>
    NeedMoreData,

    /// <summary>The buffer holds no more bytes and the input has ended: there are no more rows.</summary>
    EndOfData,
}
