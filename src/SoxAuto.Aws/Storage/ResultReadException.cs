namespace SoxAuto.Aws.Storage;

/// <summary>A query result could not be read (missing object, no permission); the message names the object and the fix.</summary>
public sealed class ResultReadException(string message, Exception? innerException = null) : Exception(message, innerException);
