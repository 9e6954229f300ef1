using Hotspot.Kinds;
using Hotspot.Secrets;
using Hotspot.Tenancy;
using Hotspot.Tenancy.Entities;

namespace Hotspot.Unifi.Kind;

/// <summary>A UniFi console reached at its local <c>base_url</c> with an API key; guests come through our external portal.</summary>
public sealed class UnifiKind : IRouterKind
{
    public string Name => "unifi";

    public string Tipo => RouterKinds.Unifi;

    public string? Conexion => null;

    public bool Matches(RouterEntity router) => router.Tipo == RouterKinds.Unifi;

    public string SecretName(long routerId) => SecretNames.RouterUnifiApiKey(routerId);

    public string SecretField => "api_key";

    public string SecretRequiredMessage =>
        "Envíe de nuevo la api_key: cambiar base_url o certificado_sha256 cambia adónde se envía, y la guardada solo se envía al destino para el que se introdujo.";

    public bool SecretIsGenerated => false;

    public bool ReachableFromCloud => true;

    public bool ChecksProfilesOnRouter => false;

    public bool HasHotspotProfiles => false;

    public ProvisioningPath Provisioning => ProvisioningPath.UnifiAuthorization;

    public bool VouchersAreRouterUsers => false;

    public string? AutoReconnectRefusal => "auto-reconnect works with MikroTik routers; this API key names a UniFi router.";

    public string? PortalDownloadsRefusal => "El portal de páginas del router es para routers MikroTik; un router UniFi usa el portal de invitados.";

    public bool ServesExternalPortal => true;
}
