namespace SoxAuto.Core.Evidence;

/// <summary>A package written into the run folder: its file name (e.g. IPE_07.zip), full path, SHA-256, rows and data hash.</summary>
public sealed record PackageInfo(string FileName, string Path, string Sha256, long Rows, string DatasetSha256);
