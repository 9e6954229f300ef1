using Hotspot.Sales.Purchases.Engine;

namespace Hotspot.Sales.Purchases;

/// <summary>
/// <c>POST /api/v1/compras</c>: what the portal sends. Amount, currency, time and profile are never taken from here:
/// they come from the product.
/// </summary>
/// <param name="UrlLogin">The router's login page (<c>$(link-login-only)</c>): the buyer comes back there after paying.</param>
public sealed record CompraRequest(
    string? ProductoId,
    string? Proveedor,
    string? MacCliente,
    string? IpCliente,
    string? EmailCliente,
    string? NombreCliente,
    string? TipoUsuario,
    bool? ConexionAutomatica,
    string? UrlLogin,
    string? Dst);

/// <summary>The product as it was sold (the snapshot of the purchase).</summary>
public sealed record CompraProducto(string Id, string NombreVenta, decimal Precio, string Moneda, long TiempoSegundos)
{
    public static CompraProducto From(CompraEntity c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return new(c.ProductoId, c.ProductoNombre, c.Monto, c.Moneda, c.TiempoSegundos);
    }
}

/// <param name="Modo">redireccion: the buyer pays on the provider's page at <c>url_pago</c>.</param>
public sealed record CompraPago(string Proveedor, string Modo, string? UrlPago, DateTimeOffset ExpiraEn);

/// <summary>The 201 of <c>POST /api/v1/compras</c>; a replay with the same Idempotency-Key and body answers it again, word for word.</summary>
public sealed record CompraCreada(
    string IdCompra, string TokenConsulta, string Estado, CompraProducto Producto, decimal Monto, string Moneda, CompraPago Pago, DateTimeOffset CreadaEn);

public sealed record UsuarioHotspot(string Usuario, string Contrasena);

/// <summary>What the buyer keeps: shown on screen before login, because the captive window may close right after.</summary>
public sealed record CompraRecibo(
    string Folio, DateTimeOffset? FechaPago, string Proveedor, string? ReferenciaProveedor, string Producto, decimal Monto, string Moneda, long TiempoSegundos);

/// <summary><c>GET /api/v1/compras/{id_compra}</c>. <c>usuario_hotspot</c> is null until the access exists on the router.</summary>
public sealed record CompraEstado(
    string IdCompra,
    string Estado,
    string? EstadoPago,
    CompraProducto Producto,
    decimal Monto,
    string Moneda,
    string TipoUsuario,
    UsuarioHotspot? UsuarioHotspot,
    AutoConexion? AutoConexion,
    CompraRecibo? Recibo,
    string? Mensaje,
    DateTimeOffset ActualizadaEn);

/// <summary><c>POST /api/v1/admin/compras/{id}/reembolso</c>: <c>monto</c> absent refunds everything left.</summary>
public sealed record ReembolsoRequest(decimal? Monto, string? Motivo);

public sealed record ReembolsoHecho(int Numero, decimal Monto, string? Referencia, DateTimeOffset Fecha);

public sealed record ReembolsoRespuesta(string IdCompra, string Estado, decimal Monto, decimal MontoReembolsado, string Moneda, bool AccesoRetirado, ReembolsoHecho Reembolso);

/// <summary><c>PUT /api/v1/admin/empresas/{empresaId}/pagos/{proveedor}</c>: written to the secret store, never answered back.</summary>
/// <param name="ApiKey">Mercado Pago access token or Stripe secret key.</param>
/// <param name="WebhookSecret">Mercado Pago's webhook secret or Stripe's endpoint secret (whsec_…).</param>
public sealed record PagoConfigRequest(string? ApiKey, string? WebhookSecret);

public sealed record PagoConfigurado(bool ApiKey, bool WebhookSecret);

/// <summary>What is configured (never the values) and the URL to paste in the provider's dashboard.</summary>
public sealed record PagoConfigRespuesta(long EmpresaId, string Proveedor, PagoConfigurado Configurado, string WebhookUrl);

/// <summary>A verified webhook's answer (always 200 once verified, so the provider stops retrying).</summary>
public sealed record WebhookRecibido(bool Recibido, bool Duplicado);
