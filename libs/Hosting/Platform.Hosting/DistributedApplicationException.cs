namespace Platform.Hosting;

/// <summary>The application could not be built, started or published; the message says what and why.</summary>
public sealed class DistributedApplicationException(string message, Exception? innerException = null) : Exception(message, innerException);
