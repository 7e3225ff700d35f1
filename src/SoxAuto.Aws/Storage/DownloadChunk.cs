namespace SoxAuto.Aws.Storage;

/// <summary>A filled buffer of downloaded bytes (pooled; returned once the reader has consumed it).</summary>
internal readonly record struct DownloadChunk(byte[] Buffer, int Length);
