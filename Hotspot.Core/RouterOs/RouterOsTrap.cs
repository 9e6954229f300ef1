namespace Hotspot.RouterOs;

/// <summary>What a trap means for a caller, recognised by message substring (RouterOS has no error codes for these).</summary>
public enum RouterOsErrorKind
{
    Other,
    DuplicateItem,
    NoSuchItem,
    InvalidCredentials,
    NotEnoughPermissions,
    UnknownProfile,
}

/// <summary>One <c>!trap</c>: the category (0 to 7) when the router gives one, and the message.</summary>
public sealed record RouterOsTrap(int? Category, string Message)
{
    private static readonly (string Substring, RouterOsErrorKind Kind)[] Patterns =
    [
        ("already have", RouterOsErrorKind.DuplicateItem),
        ("no such item", RouterOsErrorKind.NoSuchItem),
        ("invalid internal item number", RouterOsErrorKind.NoSuchItem),
        ("invalid user name or password", RouterOsErrorKind.InvalidCredentials),
        ("cannot log in", RouterOsErrorKind.InvalidCredentials),
        ("not enough permissions", RouterOsErrorKind.NotEnoughPermissions),
        ("input does not match any value of profile", RouterOsErrorKind.UnknownProfile),
    ];

    public const int Interrupted = 2;

    public RouterOsErrorKind Kind { get; } = Classify(Message);

    /// <summary>The kind of the first trap that has one: what a caller decides on.</summary>
    public static RouterOsErrorKind KindOf(IEnumerable<RouterOsTrap> traps) =>
        traps.Select(t => t.Kind).FirstOrDefault(k => k != RouterOsErrorKind.Other);

    private static RouterOsErrorKind Classify(string message) =>
        Patterns.FirstOrDefault(p => message.Contains(p.Substring, StringComparison.OrdinalIgnoreCase)).Kind;
}
