namespace Hotspot.Drivers;

/// <summary>The answer to a connection test: the controller answered, accepted our credentials, and runs this.</summary>
public sealed record ControllerInfo(string Kind, string? Version);
