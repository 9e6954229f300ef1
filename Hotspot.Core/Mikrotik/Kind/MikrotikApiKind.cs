using Hotspot.Kinds;
using Hotspot.Radius;
using Hotspot.Secrets;
using Hotspot.Tenancy;
using Hotspot.Tenancy.Entities;

namespace Hotspot.Mikrotik.Kind;

/// <summary>A MikroTik whose RouterOS API (8728/8729) the cloud opens.</summary>
public sealed class MikrotikApiKind : IRouterKind
{
    public const string DefaultConexion = RouterConnections.Api;

    public string Name => "mikrotik-api";

    public string Tipo => RouterKinds.Mikrotik;

    public string? Conexion => RouterConnections.Api;

    public bool Matches(RouterEntity router) => router.Tipo == RouterKinds.Mikrotik && router.Conexion != RouterConnections.Radius;

    public string SecretName(long routerId) => SecretNames.RouterPassword(routerId);

    public string SecretField => "password";

    public string SecretRequiredMessage =>
        "Envíe de nuevo la contraseña: cambiar host, puerto, tls o certificado_sha256 cambia adónde se envía, y la guardada solo se envía al destino para el que se introdujo.";

    public bool SecretIsGenerated => false;

    public bool ReachableFromCloud => true;

    public bool ChecksProfilesOnRouter => true;

    public bool HasHotspotProfiles => true;

    public ProvisioningPath Provisioning => ProvisioningPath.RouterOsUser;

    public bool VouchersAreRouterUsers => true;

    public string? AutoReconnectRefusal => null;

    public string? PortalDownloadsRefusal => null;

    public bool ServesExternalPortal => false;
}
