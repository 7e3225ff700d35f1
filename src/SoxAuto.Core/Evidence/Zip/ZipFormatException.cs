namespace SoxAuto.Core.Evidence.Zip;

/// <summary>The file is not a zip the verifier can read safely (truncated, inconsistent, overlapping, encrypted…).</summary>
internal sealed class ZipFormatException(string message) : Exception(message);
