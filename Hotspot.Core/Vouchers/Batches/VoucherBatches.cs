using Hotspot.Auth;
using Hotspot.Http;
using Hotspot.RouterOs;
using Hotspot.Storage;
using Hotspot.Tenancy;
using Hotspot.Tenancy.Admin;
using Hotspot.Tenancy.Entities;

namespace Hotspot.Vouchers.Batches;

/// <summary>
/// Batches of printed fichas: real vouchers made through <see cref="VoucherService"/> (hotspot users on a MikroTik API
/// router, our records on RADIUS and UniFi), one batch per Idempotency-Key; a batch cut short by the router is undone whole.
/// </summary>
public sealed class VoucherBatches(
    RouterAdmin routers, VoucherService vouchers, VoucherStore voucherStore, LoteStore lotes, IdAllocator ids, AuditLog audit, TimeProvider clock)
{
    private const int CodeAttempts = 5;
    private static readonly TimeSpan RouterRetryAfter = TimeSpan.FromSeconds(30);

    public async Task<(LoteResponse Lote, bool Replayed)> CreateAsync(
        AdminCaller caller, long? routerId, string? idempotencyKey, LoteRequest request, CancellationToken cancellationToken)
    {
        var router = await routers.GetAsync(caller, routerId, cancellationToken);
        var key = Sales.Purchases.CompraRules.IdempotencyKey(idempotencyKey);
        request = LoteRules.Validate(request);
        var partition = LoteEntity.PartitionFor(router.Id);
        var keyHash = LoteRules.KeyHash(key);
        var loteId = await ids.NextAsync("lote", cancellationToken);
        try
        {
            await lotes.ClaimAsync(new LoteClaimEntity { PartitionKey = partition, RowKey = LoteClaimEntity.RowFor(keyHash), LoteId = loteId, Huella = LoteRules.Huella(request) }, cancellationToken);
        }
        catch (EntityAlreadyExistsException)
        {
            return (await ReplayAsync(router, keyHash, request, cancellationToken), true);
        }

        var lote = await lotes.AddAsync(
            new LoteEntity
            {
                PartitionKey = partition, RowKey = LoteEntity.RowFor(loteId), Id = loteId, RouterId = router.Id, EmpresaId = router.EmpresaId,
                Cantidad = request.Cantidad!.Value, Validez = request.Validez!, LimiteDatosMb = request.LimiteDatosMb ?? 0, Prefijo = request.Prefijo ?? "",
                CreadoPor = caller.Principal.UserId, CreadoEn = clock.GetUtcNow(),
            },
            cancellationToken);
        var made = new List<string>();
        try
        {
            _ = ValidFor.TryParse(lote.Validez, out var validity);
            for (var i = 0; i < lote.Cantidad; i++)
            {
                made.Add(await MakeOneAsync(router, lote, validity, cancellationToken));
            }
        }
        catch (Exception e) when (e is RouterOsException or TimeoutException or IOException)
        {
            await UndoAsync(router, lote, keyHash, made);
            throw new UnavailableException(
                $"El router {router.Id} no respondió o rechazó una ficha; no se creó el lote. Compruébalo con POST /api/v1/admin/routers/{router.Id}/test-connection y repite la petición.",
                RouterRetryAfter, e);
        }
        catch (Exception e) when (e is OperationCanceledException or ConflictException)
        {
            await UndoAsync(router, lote, keyHash, made);
            throw;
        }

        lote.Estado = LoteEntity.Lista;
        lote = await lotes.UpdateAsync(lote, cancellationToken);
        await audit.RecordAsync(caller, "lote_fichas.crear", $"lote:{lote.Id}", router.EmpresaId, cancellationToken);
        return (await ViewAsync(lote, cancellationToken), false);
    }

    public async Task<TablePage<LoteResponse>> PageAsync(AdminCaller caller, long? routerId, int limit, string? token, CancellationToken cancellationToken)
    {
        var router = await routers.GetAsync(caller, routerId, cancellationToken);
        var page = await lotes.PageAsync(router.Id, limit, token, cancellationToken);
        var views = new List<LoteResponse>(page.Items.Count);
        foreach (var lote in page.Items)
        {
            views.Add(await ViewAsync(lote, cancellationToken));
        }

        return new TablePage<LoteResponse>(views, page.ContinuationToken);
    }

    public async Task<LoteResponse> GetAsync(AdminCaller caller, long? routerId, long? loteId, CancellationToken cancellationToken)
    {
        var (_, lote) = await LoteAsync(caller, routerId, loteId, cancellationToken);
        return await ViewAsync(lote, cancellationToken);
    }

    public async Task<TablePage<FichaLote>> FichasAsync(AdminCaller caller, long? routerId, long? loteId, int limit, string? token, CancellationToken cancellationToken)
    {
        var (router, lote) = await LoteAsync(caller, routerId, loteId, cancellationToken);
        var sold = await lotes.SoldCodesAsync(router.Id, lote.Id, cancellationToken);
        var page = await voucherStore.PageOfLoteAsync(router.Id, lote.Id, limit, token, cancellationToken);
        return new TablePage<FichaLote>(
            [.. page.Items.Select(v => new FichaLote(v.Username, v.ValidFor, v.DownloadLimitMb == 0 ? null : v.DownloadLimitMb, sold.Contains(v.Username), Used(v), v.Expired))],
            page.ContinuationToken);
    }

    public async Task<LoteResponse> MarkPrintedAsync(AdminCaller caller, long? routerId, long? loteId, CancellationToken cancellationToken)
    {
        var (router, lote) = await LoteAsync(caller, routerId, loteId, cancellationToken);
        if (lote.ImpresoEn is null)
        {
            lote.ImpresoEn = clock.GetUtcNow();
            try
            {
                lote = await lotes.UpdateAsync(lote, cancellationToken);
            }
            catch (ConcurrencyConflictException)
            {
                throw new ConflictException("El lote cambió mientras se marcaba; vuelve a intentarlo.");
            }

            await audit.RecordAsync(caller, "lote_fichas.imprimir", $"lote:{lote.Id}", router.EmpresaId, cancellationToken);
        }

        return await ViewAsync(lote, cancellationToken);
    }

    /// <summary>Sells one ficha over the counter, once: a second sale of the same code is 409.</summary>
    public async Task<VentaMostrador> SellAsync(AdminCaller caller, long? routerId, long? loteId, string? codigo, VentaRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (router, lote) = await LoteAsync(caller, routerId, loteId, cancellationToken);
        var errors = new FieldErrors();
        var centavos = request.Precio is { } precio ? Sales.Catalog.Money.ToCents(precio) : null;
        if (centavos is null)
        {
            errors.Add("precio", "Indica el precio cobrado: un importe mayor que 0, con hasta 2 decimales.");
        }

        if (!Sales.Catalog.Currencies.IsKnown(request.Moneda))
        {
            errors.Add("moneda", "Indica la moneda en ISO 4217 (MXN, USD, …).");
        }

        errors.ThrowIfAny();
        var voucher = codigo is null ? null : await voucherStore.GetAsync(router.Id, codigo, cancellationToken);
        if (voucher is null || voucher.LoteId != lote.Id)
        {
            throw new NotFoundException("Esa ficha no es de este lote.");
        }

        if (voucher.Expired)
        {
            throw new ConflictException("Esa ficha ya expiró; vende otra.");
        }

        var now = clock.GetUtcNow();
        try
        {
            await lotes.ClaimSaleAsync(
                new LoteVentaEntity { PartitionKey = lote.PartitionKey, RowKey = LoteVentaEntity.RowFor(lote.Id, voucher.Username), Codigo = voucher.Username, UsuarioId = caller.Principal.UserId, Fecha = now },
                cancellationToken);
        }
        catch (EntityAlreadyExistsException)
        {
            throw new ConflictException("Esa ficha ya se vendió.");
        }

        var sale = await lotes.AddSaleAsync(
            new VentaMostradorEntity
            {
                PartitionKey = VentaMostradorEntity.PartitionFor(caller.Principal.UserId),
                RowKey = $"{VentaMostradorEntity.RowStart(now)}:{StoredEntity.Key(router.Id)}:{Uri.EscapeDataString(voucher.Username)}",
                UsuarioId = caller.Principal.UserId, EmpresaId = router.EmpresaId, RouterId = router.Id, LoteId = lote.Id, Codigo = voucher.Username,
                PrecioCentavos = centavos!.Value, Moneda = request.Moneda!, Fecha = now,
            },
            CancellationToken.None);
        await audit.RecordAsync(caller, "ficha.vender", $"lote:{lote.Id}", router.EmpresaId, cancellationToken);
        return View(sale);
    }

    public static VentaMostrador View(VentaMostradorEntity sale) =>
        new(sale.RouterId, sale.LoteId, sale.Codigo, Sales.Catalog.Money.FromCents(sale.PrecioCentavos), sale.Moneda, sale.Fecha, sale.UsuarioId);

    private async Task<(RouterEntity Router, LoteEntity Lote)> LoteAsync(AdminCaller caller, long? routerId, long? loteId, CancellationToken cancellationToken)
    {
        var router = await routers.GetAsync(caller, routerId, cancellationToken);
        return loteId is { } id && await lotes.GetAsync(router.Id, id, cancellationToken) is { Estado: LoteEntity.Lista } lote
            ? (router, lote)
            : throw new NotFoundException("Lote no encontrado.");
    }

    private async Task<string> MakeOneAsync(RouterEntity router, LoteEntity lote, TimeSpan? validity, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < CodeAttempts; attempt++)
        {
            var code = LoteRules.Code(lote.Prefijo);
            var input = new VoucherInput(code, code, $"Lote {lote.Id}", lote.Validez, validity, null, lote.LimiteDatosMb, 0);
            var (outcome, _) = await vouchers.CreateAsync(router, input, cancellationToken, lote.Id);
            if (outcome == VoucherOutcome.Done)
            {
                return code;
            }
        }

        throw new ConflictException("No se encontró un código libre para la ficha; prueba con otro prefijo.");
    }

    private async Task<LoteResponse> ReplayAsync(RouterEntity router, string keyHash, LoteRequest request, CancellationToken cancellationToken)
    {
        var claim = await lotes.ClaimOfAsync(router.Id, keyHash, cancellationToken);
        if (claim is null || claim.Huella != LoteRules.Huella(request))
        {
            throw new ConflictException("Esa Idempotency-Key ya se usó para otro lote; genera una nueva para este.");
        }

        var lote = await lotes.GetAsync(router.Id, claim.LoteId, cancellationToken);
        return lote is { Estado: LoteEntity.Lista }
            ? await ViewAsync(lote, cancellationToken)
            : throw new ConflictException("Ese lote aún se está creando; consulta la lista de lotes en unos segundos.");
    }

    // Cleanup of a batch the router cut short; not cancellable, or half a batch would stay behind.
    private async Task UndoAsync(RouterEntity router, LoteEntity lote, string keyHash, List<string> made)
    {
        foreach (var code in made)
        {
            try
            {
                await vouchers.RemoveAsync(router, code, CancellationToken.None);
            }
            catch (Exception e) when (e is RouterOsException or TimeoutException or IOException)
            {
                // The router went away meanwhile: the record stays, so the sweep removes the user once it answers again.
            }
        }

        await lotes.DeleteAsync(new StoredEntityKey(lote.PartitionKey, lote.RowKey), CancellationToken.None);
        await lotes.DeleteAsync(new StoredEntityKey(lote.PartitionKey, LoteClaimEntity.RowFor(keyHash)), CancellationToken.None);
    }

    private async Task<LoteResponse> ViewAsync(LoteEntity lote, CancellationToken cancellationToken)
    {
        var sold = await lotes.SoldCodesAsync(lote.RouterId, lote.Id, cancellationToken);
        int total = 0, used = 0, expired = 0;
        await foreach (var v in voucherStore.OfLoteAsync(lote.RouterId, lote.Id, cancellationToken))
        {
            total++;
            used += Used(v) ? 1 : 0;
            expired += v.Expired ? 1 : 0;
        }

        var libro = new LoteLibro(total, lote.ImpresoEn is null ? 0 : total, sold.Count, used, expired);
        return new LoteResponse(
            lote.Id, lote.RouterId, lote.Cantidad, lote.Validez, lote.LimiteDatosMb == 0 ? null : lote.LimiteDatosMb,
            lote.Prefijo.Length == 0 ? null : lote.Prefijo, lote.Estado, lote.CreadoEn, lote.ImpresoEn, libro);
    }

    private static bool Used(VoucherEntity v) => v.FirstLogin is not null || v.LastLogin is not null;
}
