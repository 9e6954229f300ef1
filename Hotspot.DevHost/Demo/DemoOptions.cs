namespace Hotspot.DevHost.Demo;

/// <summary><c>Hotspot:DevHost:Demo</c>: the demo that <c>./run.sh</c> sets up beside a fresh in-memory Azurite.</summary>
public sealed class DemoOptions
{
    public const string Section = "Hotspot:DevHost:Demo";

    /// <summary>On by default when the DevHost starts its own Azurite; <c>--Hotspot:DevHost:Demo:Enabled=false</c> turns it off.</summary>
    public bool Enabled { get; set; } = true;
}
