namespace SoxAuto.Core.Evidence.Zip;

/// <summary>The constants of the zip format (PKWARE APPNOTE 6.3.x) this project writes and accepts.</summary>
internal static class ZipFormat
{
    public const uint LocalHeaderSignature = 0x04034b50;
    public const uint CentralHeaderSignature = 0x02014b50;
    public const uint EndOfCentralDirectorySignature = 0x06054b50;
    public const uint Zip64EndOfCentralDirectorySignature = 0x06064b50;
    public const uint Zip64LocatorSignature = 0x07064b50;
    public const ushort Zip64ExtraId = 0x0001;

    public const int LocalHeaderSize = 30;
    public const int CentralHeaderSize = 46;
    public const int EndOfCentralDirectorySize = 22;
    public const int Zip64EndOfCentralDirectorySize = 56;
    public const int Zip64LocatorSize = 20;

    /// <summary>Version 1.0 (stored entries) and 4.5 (Zip64); the high byte of "version made by" is 0 (MS-DOS/FAT).</summary>
    public const ushort Version10 = 10;
    public const ushort Version45 = 45;

    public const ushort MethodStored = 0;

    /// <summary>1980-01-01 00:00:00, the earliest DOS date-time: the fixed timestamp of every entry.</summary>
    public const ushort FixedDosTime = 0;
    public const ushort FixedDosDate = (0 << 9) | (1 << 5) | 1;

    /// <summary>Sizes and offsets from this value on go into the Zip64 extra field (0xFFFFFFFF itself is the marker).</summary>
    public const long Zip64Threshold = uint.MaxValue;
}
