using Hotspot.Tenancy.Entities;
using Hotspot.Unifi.SiteManager;

namespace Hotspot.Unifi.Kind;

/// <summary>
/// A UniFi console behind NAT, reached through Ubiquiti's Site Manager connector by its console id and a Site Manager
/// API key: no inbound port, the same Integration API and guest flows as a local console.
/// </summary>
public sealed class UnifiSiteManagerKind : UnifiConsoleKind
{
    public override string Name => "unifi-site-manager";

    public override string? Conexion => SiteManagerConnector.Conexion;

    public override bool Matches(RouterEntity router) => SiteManagerConnector.IsConnector(router);

    public override string SecretRequiredMessage =>
        "Envíe de nuevo la api_key: cambiar consola_id cambia adónde se envía, y la guardada solo se envía al destino para el que se introdujo.";
}
