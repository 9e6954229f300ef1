namespace Hotspot.Simulators.Unifi;

internal sealed record SimulatedSite(string Id, string InternalReference, string Name);
