using Hotspot.Kinds;
using Hotspot.Secrets;
using Hotspot.Tenancy;
using Hotspot.Tenancy.Entities;

namespace Hotspot.Unifi.Kind;

/// <summary>
/// What every UniFi console is to us, however it is reached: an API key in the secret store, guests through our
/// external portal, purchases as guest authorizations on the controller.
/// </summary>
public abstract class UnifiConsoleKind : IRouterKind
{
    public abstract string Name { get; }

    public string Tipo => RouterKinds.Unifi;

    public abstract string? Conexion { get; }

    public abstract bool Matches(RouterEntity router);

    public string SecretName(long routerId) => SecretNames.RouterUnifiApiKey(routerId);

    public string SecretField => "api_key";

    public abstract string SecretRequiredMessage { get; }

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
