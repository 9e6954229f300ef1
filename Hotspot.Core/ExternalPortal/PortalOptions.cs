namespace Hotspot.ExternalPortal;

/// <summary>The guest portal's settings (<c>Hotspot:Portal</c>), the same for every router until routers carry their own.</summary>
public sealed class PortalOptions
{
    public const string Section = "Hotspot:Portal";

    /// <summary>Minutes of free access a guest gets for accepting the terms; 0 offers vouchers only.</summary>
    public int FreeMinutes { get; set; } = 60;
}
