namespace Hotspot.Tests.Deploy;

/// <summary>An app setting that the Functions platform reads rather than Hotspot's code, and why the infra sets it.</summary>
public sealed record RuntimeSetting(string Name, string Reason);

/// <summary>
/// The allow-list of the settings parity check: app settings the infra sets although no Hotspot code reads them,
/// because the Functions host or the Application Insights SDK does. Each is required in the infra; anything else the
/// infra sets must be a key in <see cref="Hotspot.Hosting.ConfigurationKeys"/>.
/// </summary>
public static class RuntimeSettings
{
    public static IReadOnlyList<RuntimeSetting> Required { get; } =
    [
        new("AzureWebJobsStorage__credential", "Functions host: its storage (timer schedules and locks, host keys) is reached with a managed identity, not a connection string."),
        new("AzureWebJobsStorage__clientId", "Functions host: which user-assigned identity reaches that storage."),
        new("AzureWebJobsStorage__blobServiceUri", "Functions host: the blob endpoint of that storage (timers and host keys need only blobs)."),
        new("APPLICATIONINSIGHTS_CONNECTION_STRING", "Functions host and the worker's Application Insights SDK: where telemetry goes."),
        new("APPLICATIONINSIGHTS_AUTHENTICATION_STRING", "Functions host and SDK: send telemetry with the identity's Entra token (local auth is disabled)."),
        new("AzureWebJobsDisableHomepage", "Functions host: no welcome page at '/' (the route prefix is empty, so it would answer among the app's routes)."),
    ];

    /// <summary>Settings the infra must never set, and why.</summary>
    public static IReadOnlyList<RuntimeSetting> Forbidden { get; } =
    [
        new("FUNCTIONS_WORKER_RUNTIME", "Flex Consumption takes the runtime from functionAppConfig.runtime and rejects this setting."),
        new("FUNCTIONS_EXTENSION_VERSION", "Flex Consumption manages the host version and rejects this setting."),
        new("AzureWebJobsStorage", "A connection string would carry an account key; shared-key access is disabled."),
        new("WEBSITE_RUN_FROM_PACKAGE", "Flex Consumption deploys from functionAppConfig.deployment.storage, not from this setting."),
    ];
}
