namespace Hotspot.Drivers;

/// <summary>
/// A controller operation failed for the stated <see cref="Error"/>. The message is written for an operator and never
/// contains credentials.
/// </summary>
public sealed class ControllerException : Exception
{
    public ControllerException(ControllerError error, string message, string? field = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Error = error;
        Field = field;
    }

    public ControllerException()
        : this(ControllerError.UnexpectedResponse, "The controller operation failed.")
    {
    }

    public ControllerException(string message)
        : this(ControllerError.UnexpectedResponse, message)
    {
    }

    public ControllerException(string message, Exception innerException)
        : this(ControllerError.UnexpectedResponse, message, null, innerException)
    {
    }

    public ControllerError Error { get; }

    /// <summary>For <see cref="ControllerError.Unavailable"/>: when the controller (or its connector) said to try again.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>The argument or budget property at fault, when there is one (e.g. <c>DownloadKbps</c>, <c>Site</c>).</summary>
    public string? Field { get; }
}
