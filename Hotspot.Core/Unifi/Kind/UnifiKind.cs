using Hotspot.Tenancy;
using Hotspot.Tenancy.Entities;
using Hotspot.Unifi.SiteManager;

namespace Hotspot.Unifi.Kind;

/// <summary>A UniFi console reached at its local <c>base_url</c> with an API key.</summary>
public sealed class UnifiKind : UnifiConsoleKind
{
    public override string Name => "unifi";

    public override string? Conexion => null;

    public override bool Matches(RouterEntity router) => router.Tipo == RouterKinds.Unifi && !SiteManagerConnector.IsConnector(router);

    public override string SecretRequiredMessage =>
        "Envíe de nuevo la api_key: cambiar base_url o certificado_sha256 cambia adónde se envía, y la guardada solo se envía al destino para el que se introdujo.";
}
