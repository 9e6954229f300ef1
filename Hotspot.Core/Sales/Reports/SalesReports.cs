using System.Runtime.CompilerServices;
using Azure;
using Hotspot.Auth;
using Hotspot.Http;
using Hotspot.Sales.Purchases;
using Hotspot.Storage;
using Hotspot.Tenancy;

namespace Hotspot.Sales.Reports;

/// <summary>
/// The companies a sales request reads, each with its time zone, and the query applied inside each: bare dates are the
/// company's days when there is one company, UTC days across several.
/// </summary>
public sealed record SalesScope(IReadOnlyList<long> Empresas, IReadOnlyDictionary<long, TimeZoneInfo> Zonas, SalesQuery Query)
{
    public CompraFiltro Filtro => Query.Filtro;

    /// <summary>The zone the whole answer counts days in: the one company's, or UTC.</summary>
    public TimeZoneInfo Zona => Empresas.Count == 1 ? Zonas[Empresas[0]] : TimeZoneInfo.Utc;
}

/// <summary>
/// Sales for operators: the purchases list (each with its history), the CSV export and the summary, all scoped to the
/// caller. A cliente_admin reads its own company only; a super_admin one company (<c>empresa_id</c>, or the company of
/// <c>router_id</c>) or all of them, company after company (newest first within each). A company or router the caller
/// may not see answers 404, as if it did not exist.
/// </summary>
public sealed class SalesReports(CompraStore compras, EmpresaStore empresas, RouterStore routers)
{
    public async Task<TablePage<CompraEntity>> PageAsync(AdminCaller caller, SalesQuery query, int limit, string? continuationToken, CancellationToken cancellationToken)
    {
        var scope = await ScopeAsync(caller, query, cancellationToken);
        var cursor = SalesCursor.Read(continuationToken, scope.Empresas);
        var items = new List<CompraEntity>(limit);
        var remaining = cursor is null ? scope.Empresas : scope.Empresas.SkipWhile(id => id != cursor.EmpresaId).ToList();
        var inner = cursor?.Inner;
        for (var i = 0; i < remaining.Count; i++)
        {
            var page = await CompanyPageAsync(remaining[i], scope.Filtro, limit - items.Count, inner, cancellationToken);
            items.AddRange(page.Items);
            inner = null;
            if (page.ContinuationToken is not null)
            {
                return new TablePage<CompraEntity>(items, new SalesCursor(remaining[i], page.ContinuationToken).Write());
            }

            if (items.Count >= limit)
            {
                return new TablePage<CompraEntity>(items, i + 1 < remaining.Count ? new SalesCursor(remaining[i + 1], null).Write() : null);
            }
        }

        return new TablePage<CompraEntity>(items, null);
    }

    /// <summary>One purchase by id; another company's answers 404 like an unknown one.</summary>
    public async Task<CompraEntity> GetAsync(AdminCaller caller, string compraId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return await compras.FindAsync(compraId, cancellationToken) is { } compra && caller.Principal.CanAccess(compra.EmpresaId)
            ? compra
            : throw new NotFoundException("Compra no encontrada.");
    }

    /// <summary>Checks the filters against what the caller may see (404 otherwise) before anything is answered.</summary>
    public async Task<SalesScope> ScopeAsync(AdminCaller caller, SalesQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(query);
        var principal = caller.Principal;
        var empresaId = principal.IsSuperAdmin ? query.EmpresaId : principal.EmpresaId;
        if (query.EmpresaId is { } asked && !principal.CanAccess(asked))
        {
            throw new NotFoundException("Empresa no encontrada.");
        }

        if (query.RouterId is { } routerId)
        {
            var router = await routers.GetAsync(routerId, cancellationToken);
            if (router is null || !principal.CanAccess(router.EmpresaId) || (empresaId is { } chosen && router.EmpresaId != chosen))
            {
                throw new NotFoundException("Router no encontrado.");
            }

            empresaId = router.EmpresaId;
        }

        IReadOnlyList<Tenancy.Entities.EmpresaEntity> scoped = empresaId is { } one
            ? [await empresas.GetAsync(one, cancellationToken) ?? throw new NotFoundException("Empresa no encontrada.")]
            : await AllEmpresasAsync(cancellationToken);
        var zonas = scoped.ToDictionary(e => e.Id, CompanyTimeZone.Of);
        var ids = scoped.Select(e => e.Id).ToList();
        return new SalesScope(ids, zonas, query.InZone(ids.Count == 1 ? zonas[ids[0]] : TimeZoneInfo.Utc));
    }

    /// <summary>Every purchase in the scope, streamed (CSV, summary): one company's partition after another.</summary>
    public async IAsyncEnumerable<CompraEntity> StreamAsync(SalesScope scope, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        foreach (var empresaId in scope.Empresas)
        {
            await foreach (var compra in compras.StreamAsync(empresaId, scope.Filtro, cancellationToken))
            {
                yield return compra;
            }
        }
    }

    public async Task<ResumenVentas> SummaryAsync(AdminCaller caller, SalesQuery query, Agrupacion agrupacion, CancellationToken cancellationToken)
    {
        var scope = await ScopeAsync(caller, query, cancellationToken);
        var summary = new SalesSummary(agrupacion, scope.Zonas);
        await foreach (var compra in StreamAsync(scope, cancellationToken))
        {
            summary.Add(compra);
        }

        return summary.ToResumen(scope.Query.Desde, scope.Query.Hasta, scope.Zona);
    }

    private async Task<TablePage<CompraEntity>> CompanyPageAsync(long empresaId, CompraFiltro filtro, int limit, string? inner, CancellationToken cancellationToken)
    {
        try
        {
            return await compras.PageAsync(empresaId, filtro, limit, inner, cancellationToken);
        }
        catch (RequestFailedException e) when (inner is not null && e.Status == 400)
        {
            throw new InvalidFieldsException(new FieldErrors().Add(SalesCursor.Field, "No es un continuation_token de esta lista; repita la consulta sin él."));
        }
    }

    private async Task<IReadOnlyList<Tenancy.Entities.EmpresaEntity>> AllEmpresasAsync(CancellationToken cancellationToken)
    {
        var ids = new List<Tenancy.Entities.EmpresaEntity>();
        string? token = null;
        do
        {
            var page = await empresas.PageAsync(Paging.MaxLimit, token, cancellationToken);
            ids.AddRange(page.Items);
            token = page.ContinuationToken;
        }
        while (token is not null);

        return ids;
    }
}
