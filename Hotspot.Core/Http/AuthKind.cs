namespace Hotspot.Http;

/// <summary>Who may call a route; the route table enforces it before the handler runs.</summary>
public enum AuthKind
{
    /// <summary>No credential: health and other public probes.</summary>
    Anonymous,
}
