namespace Hotspot.Storage;

/// <summary>Configuration section <c>Hotspot:Storage</c>.</summary>
public sealed class StorageOptions
{
    public const string Section = "Hotspot:Storage";

    /// <summary>A full connection string (Azurite, local development). Takes precedence over <see cref="TableServiceUri"/>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The Table service endpoint used with a managed identity in Azure, e.g. https://acct.table.core.windows.net.</summary>
    public Uri? TableServiceUri { get; set; }

    /// <summary>Prepended to every table name, so that deployments and test runs sharing an account stay apart.</summary>
    public string TablePrefix { get; set; } = "";
}
