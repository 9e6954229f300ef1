namespace Hotspot.ActionApi;

/// <summary>Seed 002's messages, to the letter.</summary>
public static class ActionMessages
{
    public const string NotEnabled = "API is not enabled";
    public const string KeyIncorrect = "API Key is incorrect";
    public const string KeyNotSetOrMethodNotAllowed = "API Key not set or method not allowed";
    public const string UsernameExists = "Username already exists";
    public const string UserAdded = "User added successfully";
    public const string UsernameMissing = "Username doesn't exist";
    public const string NoUsername = "No username set";
    public const string UserRemoved = "User removed successfully";
    public const string Error = "An error occurred";

    /// <summary>Ours, in the seed's words and shape: the key is valid but published (a portal key), and this API needs a secret one.</summary>
    public const string PortalKeyNotAllowed = "API Key is a portal key: this API needs an integration key";
}
