namespace Hotspot.Vouchers.Batches;

/// <summary>A batch to create: <c>cantidad</c> 1..500, <c>validez</c> one of seed 002's valid_for values, optional data limit and prefix.</summary>
public sealed record LoteRequest(int? Cantidad, string? Validez, long? LimiteDatosMb, string? Prefijo);

/// <summary>What happened to a batch's fichas so far.</summary>
public sealed record LoteLibro(int Total, int Impresas, int Vendidas, int Usadas, int Expiradas);

public sealed record LoteResponse(
    long Id, long RouterId, int Cantidad, string Validez, long? LimiteDatosMb, string? Prefijo, string Estado,
    DateTimeOffset CreadoEn, DateTimeOffset? ImpresoEn, LoteLibro Libro);

/// <summary>One ficha of a batch: the code the guest types (user and password alike).</summary>
public sealed record FichaLote(string Codigo, string Validez, long? LimiteDatosMb, bool Vendida, bool Usada, bool Expirada);

public sealed record VentaRequest(decimal? Precio, string? Moneda);

public sealed record VentaMostrador(long RouterId, long LoteId, string Codigo, decimal Precio, string Moneda, DateTimeOffset Fecha, long UsuarioId);

public sealed record TotalMoneda(string Moneda, int Ventas, decimal Total);

/// <summary>The end-of-shift cash report of the caller's own counter sales.</summary>
public sealed record CorteCaja(long UsuarioId, DateTimeOffset Desde, DateTimeOffset Hasta, int Ventas, IReadOnlyList<TotalMoneda> Totales, IReadOnlyList<VentaMostrador> Detalle);
