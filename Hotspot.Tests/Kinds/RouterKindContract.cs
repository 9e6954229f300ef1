using Hotspot.Kinds;
using Hotspot.Tenancy.Entities;

namespace Hotspot.Tests.Kinds;

/// <summary>
/// What every router kind must hold through the registry. One subclass per kind; a new kind (the UniFi cloud
/// connector next) adds a subclass here naming its stored <c>tipo</c>/<c>conexion</c>.
/// </summary>
public abstract class RouterKindContract
{
    protected abstract string Tipo { get; }

    protected abstract string? Conexion { get; }

    protected abstract string ExpectedName { get; }

    private RouterEntity Router(long id = 4242) => new() { Id = id, EmpresaId = 7, Tipo = Tipo, Conexion = Conexion };

    private IRouterKind Kind => RouterKindRegistry.For(Router()) ?? throw new InvalidOperationException($"No kind for {Tipo}/{Conexion}.");

    [Fact]
    public void The_stored_row_and_the_creation_request_find_the_same_kind()
    {
        Assert.Equal(ExpectedName, Kind.Name);
        Assert.Same(Kind, RouterKindRegistry.For(Tipo, Conexion));
        Assert.Equal(Tipo, Kind.Tipo);
        Assert.Equal(Conexion, Kind.Conexion);
        Assert.Single(RouterKindRegistry.All, kind => kind.Matches(Router()));
    }

    [Fact]
    public void The_secret_is_kept_under_a_name_of_this_router_that_no_other_kind_uses()
    {
        var name = Kind.SecretName(4242);
        Assert.Contains("4242", name, StringComparison.Ordinal);
        Assert.NotEqual(name, Kind.SecretName(4243));
        // Kinds that keep the same secret (a UniFi API key, however the console is reached) may share its name.
        Assert.DoesNotContain(RouterKindRegistry.All.Where(other => other != Kind && other.SecretField != Kind.SecretField),
            other => other.SecretName(4242) == name);
        Assert.Equal(name, Hotspot.Tenancy.RouterStore.SecretNameOf(Router()));
    }

    [Fact]
    public void A_change_of_destination_names_the_secret_field_in_words()
    {
        Assert.Matches("^[a-z_]+$", Kind.SecretField);
        Assert.StartsWith("Envíe de nuevo", Kind.SecretRequiredMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void What_the_kind_cannot_do_is_refused_in_words_not_silence()
    {
        Assert.True(Kind.AutoReconnectRefusal is null or { Length: > 20 });
        Assert.True(Kind.PortalDownloadsRefusal is null or { Length: > 20 });
    }

    [Fact]
    public void A_kind_the_cloud_cannot_reach_provisions_by_entitlement_only()
    {
        if (!Kind.ReachableFromCloud)
        {
            Assert.Equal(ProvisioningPath.EntitlementOnly, Kind.Provisioning);
            Assert.False(Kind.ChecksProfilesOnRouter);
            Assert.False(Kind.VouchersAreRouterUsers);
        }
    }
}

public sealed class MikrotikApiKindContract : RouterKindContract
{
    protected override string Tipo => "mikrotik";

    protected override string? Conexion => "api";

    protected override string ExpectedName => "mikrotik-api";

    [Fact]
    public void A_row_written_before_conexion_existed_is_the_api_kind()
    {
        Assert.Equal("mikrotik-api", RouterKindRegistry.For(new RouterEntity { Id = 1, Tipo = "mikrotik" })?.Name);
        Assert.Equal("mikrotik-api", RouterKindRegistry.For("mikrotik", null)?.Name);
    }
}

public sealed class MikrotikRadiusKindContract : RouterKindContract
{
    protected override string Tipo => "mikrotik";

    protected override string? Conexion => "radius";

    protected override string ExpectedName => "mikrotik-radius";
}

public sealed class UnifiLocalKindContract : RouterKindContract
{
    protected override string Tipo => "unifi";

    protected override string? Conexion => null;

    protected override string ExpectedName => "unifi";
}

public sealed class UnifiSiteManagerKindContract : RouterKindContract
{
    protected override string Tipo => "unifi";

    protected override string? Conexion => "site_manager";

    protected override string ExpectedName => "unifi-site-manager";
}

public sealed class UnknownKindTests
{
    [Fact]
    public void An_unknown_tipo_has_no_kind()
    {
        Assert.Null(RouterKindRegistry.For("cisco", null));
        Assert.Null(RouterKindRegistry.For(new RouterEntity { Id = 1, Tipo = "cisco" }));
        Assert.Null(RouterKindRegistry.For("mikrotik", "telnet"));
    }
}
