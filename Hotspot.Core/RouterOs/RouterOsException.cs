namespace Hotspot.RouterOs;

/// <summary>Base of every error the RouterOS client raises; <see cref="Router"/> names the router when known.</summary>
public class RouterOsException : Exception
{
    public RouterOsException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    public RouterOsException()
    {
    }

    public RouterOsException(string message)
        : base(message)
    {
    }

    public string? Router { get; init; }
}

/// <summary>Bytes that are not the RouterOS API protocol: a control byte, a truncated sentence, an oversized word.</summary>
public sealed class RouterOsProtocolException : RouterOsException
{
    public RouterOsProtocolException(string message)
        : base(message)
    {
    }

    public RouterOsProtocolException()
    {
    }

    public RouterOsProtocolException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The bytes were fine but stopped in the middle of a sentence: the peer closed the connection.</summary>
    public bool Truncated { get; init; }
}

/// <summary>What failed on the way to, or on, a connection.</summary>
public enum RouterOsFailure
{
    Refused,
    TimedOut,
    Tls,
    Login,
    Dropped,
    Fatal,
    Protocol,
    Unreachable,
}

/// <summary>The connection could not be made, or it broke: the pool replaces such a connection.</summary>
public sealed class RouterOsConnectionException : RouterOsException
{
    public RouterOsConnectionException(RouterOsFailure failure, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Failure = failure;
    }

    public RouterOsConnectionException()
    {
    }

    public RouterOsConnectionException(string message)
        : base(message)
    {
    }

    public RouterOsConnectionException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    public RouterOsFailure Failure { get; }
}

/// <summary>The router answered a command with one or more traps.</summary>
public sealed class RouterOsTrapException : RouterOsException
{
    public RouterOsTrapException(string command, IReadOnlyList<RouterOsTrap> traps)
        : base($"{command}: {string.Join("; ", traps.Select(t => t.Message))}")
    {
        Command = command;
        Traps = traps;
    }

    public RouterOsTrapException()
    {
        Command = string.Empty;
        Traps = [];
    }

    public RouterOsTrapException(string message)
        : base(message)
    {
        Command = string.Empty;
        Traps = [];
    }

    public RouterOsTrapException(string message, Exception? innerException)
        : base(message, innerException)
    {
        Command = string.Empty;
        Traps = [];
    }

    public string Command { get; }

    public IReadOnlyList<RouterOsTrap> Traps { get; }

    /// <summary>The kind of the first trap that has one.</summary>
    public RouterOsErrorKind Kind => RouterOsTrap.KindOf(Traps);
}
