namespace Hotspot.Hosting;

/// <summary>Where a setting comes from in each environment.</summary>
public enum SettingScope
{
    /// <summary>Read everywhere; the Azure deployment must set it as an app setting.</summary>
    RequiredInAzure,

    /// <summary>Read everywhere, with a default that suits Azure; the infra may set it.</summary>
    OptionalInAzure,

    /// <summary>Only for local development (DevHost, tests); the Azure deployment must not set it.</summary>
    LocalOnly,
}

public sealed record ConfigurationKey(string Name, SettingScope Scope, string Description)
{
    /// <summary>The key as an app setting or environment variable (':' becomes '__').</summary>
    public string AppSettingName => Name.Replace(":", "__", StringComparison.Ordinal);
}

/// <summary>
/// Every configuration key the product reads. The README's configuration table and the infra's app settings follow
/// this list; a test fails when the Bicep and this list disagree.
/// </summary>
public static class ConfigurationKeys
{
    public const string StorageConnectionString = "Hotspot:Storage:ConnectionString";
    public const string StorageTableServiceUri = "Hotspot:Storage:TableServiceUri";
    public const string StorageTablePrefix = "Hotspot:Storage:TablePrefix";
    public const string ManagedIdentityClientId = "AZURE_CLIENT_ID";

    public static IReadOnlyList<ConfigurationKey> All { get; } =
    [
        new(StorageConnectionString, SettingScope.LocalOnly, "Table Storage connection string (Azurite)."),
        new(StorageTableServiceUri, SettingScope.RequiredInAzure, "Table endpoint, reached with the managed identity."),
        new(StorageTablePrefix, SettingScope.OptionalInAzure, "Prefix of every table name."),
        new(ManagedIdentityClientId, SettingScope.RequiredInAzure, "Client id of the user-assigned managed identity."),
    ];
}
