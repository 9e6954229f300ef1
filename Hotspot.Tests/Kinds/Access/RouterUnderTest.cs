using Hotspot.Tests.Sales.Purchases;

namespace Hotspot.Tests.Kinds.Access;

/// <summary>
/// One router kind on its own simulator, as the kind contract sees it: how a company's router of this kind is created,
/// how a buyer's device shows up on it, and how we tell from the outside, through the kind's own wire, whether that
/// device has access.
/// </summary>
internal abstract class RouterUnderTest : IAsyncDisposable
{
    /// <summary>DevHost settings the kind needs (a Site Manager address, the RADIUS rest secret).</summary>
    public virtual Dictionary<string, string?> Settings => [];

    /// <summary>The admin body of the router, or null for SalesWorld's own MikroTik on the RouterOS simulator.</summary>
    public virtual object? RouterBody => null;

    public virtual bool Radius => false;

    /// <summary>The router's secret as the operator entered it, which no answer or log may carry.</summary>
    public virtual IReadOnlyList<string> Secrets => [];

    /// <summary>Called once the world (DevHost, payment simulator, router) is up.</summary>
    public virtual Task StartedAsync(SalesWorld world) => Task.CompletedTask;

    /// <summary>The buyer's device joins the venue's network before buying.</summary>
    public virtual Task JoinAsync(SalesWorld world, string mac) => Task.CompletedTask;

    /// <summary>Whether the device holding this receipt can use the network now, asked of the router's side.</summary>
    public abstract Task<bool> HasAccessAsync(SalesWorld world, string mac, string usuario, string contrasena);

    /// <summary>How many grants we made on the router itself (users written, authorizations sent).</summary>
    public abstract int GrantsSentToRouter(SalesWorld world);

    /// <summary>Whether our API ever connected to the router's management port.</summary>
    public abstract bool RouterEverContacted(SalesWorld world);

    public ValueTask DisposeAsync() => StopAsync();

    /// <summary>Stops what the kind started beside the world (its simulator, FreeRADIUS).</summary>
    protected virtual ValueTask StopAsync() => ValueTask.CompletedTask;
}
