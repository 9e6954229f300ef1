using Hotspot.Sales.Provisioning;
using Hotspot.Sales.Purchases;
using Hotspot.Tests.Infrastructure;
using Hotspot.Tests.Tenancy;
using Microsoft.Extensions.DependencyInjection;

namespace Hotspot.Tests.Sales.Reports;

/// <summary>
/// A DevHost with two companies (routers, a cliente_admin each) whose purchases are written straight into the
/// <c>Compras</c> table through <see cref="CompraStore"/>, in any state, at any time: what the sales routes read.
/// </summary>
internal sealed class SalesSeed(TenancyHost host) : IAsyncDisposable
{
    public TenancyHost Host { get; } = host;

    public string Root { get; private set; } = "";

    public long EmpresaA { get; private set; }

    public long EmpresaB { get; private set; }

    public long RouterA1 { get; private set; }

    public long RouterA2 { get; private set; }

    public long RouterB { get; private set; }

    /// <summary>A cliente_admin of company A.</summary>
    public string OperadorA { get; private set; } = "";

    public DateTimeOffset Day1 { get; } = new(2026, 11, 20, 15, 0, 0, TimeSpan.Zero);

    public static async Task<SalesSeed> StartAsync(AzuriteFixture azurite)
    {
        var seed = new SalesSeed(await TenancyHost.StartAsync(azurite));
        var host = seed.Host;
        seed.Root = await host.LoginRootAsync();
        seed.EmpresaA = await host.CreateEmpresaAsync(seed.Root, "Café A");
        seed.EmpresaB = await host.CreateEmpresaAsync(seed.Root, "Hotel B");
        seed.RouterA1 = await host.CreateMikrotikRouterAsync(seed.Root, seed.EmpresaA, "Barra");
        seed.RouterA2 = await host.CreateMikrotikRouterAsync(seed.Root, seed.EmpresaA, "Terraza");
        seed.RouterB = await host.CreateMikrotikRouterAsync(seed.Root, seed.EmpresaB, "Lobby");
        await host.CreateUsuarioAsync(seed.Root, "a@ventas.test", "cliente_admin", seed.EmpresaA);
        seed.OperadorA = await host.LoginAsync("a@ventas.test", TenancyHost.ClientePassword);
        return seed;
    }

    /// <summary>Writes a purchase that went creada → pendiente_pago → <paramref name="estado"/> (when different).</summary>
    public async Task<CompraEntity> AddAsync(
        long empresaId, long routerId, DateTimeOffset creada, string estado, long cents, string moneda = "MXN",
        string productoId = "HORA", string producto = "1 hora", long reembolsado = 0, Action<CompraEntity>? with = null)
    {
        var id = CompraIds.New(empresaId, creada);
        var historial = CompraHistorial.Append("[]", new CompraTransicion(creada, CompraEstados.Creada, CompraEstados.PendientePago, CompraSenales.Creacion));
        if (estado is not (CompraEstados.Creada or CompraEstados.PendientePago))
        {
            historial = CompraHistorial.Append(historial, new CompraTransicion(creada.AddMinutes(2), CompraEstados.PendientePago, estado, CompraSenales.Webhook));
        }

        var paid = estado is CompraEstados.Aprobada or CompraEstados.Provisionada or CompraEstados.RequiereAtencion or CompraEstados.Reembolsada or CompraEstados.Contracargo;
        var compra = new CompraEntity
        {
            PartitionKey = CompraStore.Partition(empresaId), RowKey = id, Id = id, EmpresaId = empresaId, RouterId = routerId,
            ProductoId = $"{routerId}-{productoId}", ProductoNombre = producto, MontoCentavos = cents, Moneda = moneda, TiempoSegundos = 3600,
            PerfilMikrotikNombre = "5Mbps-1hora", Proveedor = "mercado_pago", Estado = estado, EstadoPago = paid ? "approved" : null,
            HistorialJson = historial, ReferenciaProveedor = "pref-" + id, PagoProveedorId = paid ? "9" + creada.ToUnixTimeSeconds() : null,
            Usuario = PurchaseCredentials.NewUserName(), UrlLogin = "http://hotspot.cafe/login", ExpiraEn = creada.AddMinutes(30),
            MacCliente = "AA:BB:CC:DD:EE:FF", IpCliente = "10.5.50.23", EmailCliente = "ana@example.com", NombreCliente = "Ana López",
            CreadaEn = creada, ActualizadaEn = creada.AddMinutes(2), PagadaEn = paid ? creada.AddMinutes(2) : null,
            MontoReembolsadoCentavos = reembolsado,
        };
        with?.Invoke(compra);
        return await Host.Host.Services.GetRequiredService<CompraStore>().AddAsync(compra, CancellationToken.None);
    }

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
