using Hotspot.Kinds;
using Hotspot.Secrets;
using Hotspot.Tenancy;
using Hotspot.Tenancy.Entities;

namespace Hotspot.Radius.Kind;

/// <summary>
/// A MikroTik that is a RADIUS client of ours: it connects out on every login and accounting update, so it may sit
/// behind NAT, and the cloud never connects to it. Stored as <c>tipo</c> mikrotik with <c>conexion</c> radius.
/// </summary>
public sealed class MikrotikRadiusKind : IRouterKind
{
    public string Name => "mikrotik-radius";

    public string Tipo => RouterKinds.Mikrotik;

    public string? Conexion => RouterConnections.Radius;

    public bool Matches(RouterEntity router) => router.Tipo == RouterKinds.Mikrotik && router.Conexion == RouterConnections.Radius;

    public string SecretName(long routerId) => SecretNames.RouterRadiusToken(routerId);

    // The token is generated, never entered; the field is named for the error of an update that sends one.
    public string SecretField => "password";

    public string SecretRequiredMessage =>
        "Envíe de nuevo la contraseña: cambiar host, puerto, tls o certificado_sha256 cambia adónde se envía, y la guardada solo se envía al destino para el que se introdujo.";

    public bool SecretIsGenerated => true;

    public bool ReachableFromCloud => false;

    // A RADIUS router cannot be asked: a product's profile name travels as Mikrotik-Group and the router applies it if it has it.
    public bool ChecksProfilesOnRouter => false;

    public bool HasHotspotProfiles => true;

    public ProvisioningPath Provisioning => ProvisioningPath.EntitlementOnly;

    public bool VouchersAreRouterUsers => false;

    public string? AutoReconnectRefusal => null;

    public string? PortalDownloadsRefusal => null;

    public bool ServesExternalPortal => false;
}
