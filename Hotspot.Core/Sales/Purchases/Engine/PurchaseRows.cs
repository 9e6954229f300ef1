using Hotspot.Storage;

namespace Hotspot.Sales.Purchases.Engine;

/// <summary>
/// Every write of a purchase row: a change applied to the freshest copy and written under its ETag; a lost race
/// re-reads the row and applies the change again to what is there now, so concurrent signals never overwrite each
/// other and a change decides anew on the current state.
/// </summary>
public sealed class PurchaseRows(CompraStore compras, PurchaseSteps steps, TimeProvider clock)
{
    private const int MaxAttempts = 50;

    /// <summary>
    /// Applies <paramref name="change"/> (which answers whether it changed anything) and writes it. Returns the row as
    /// stored, changed or not.
    /// </summary>
    public async Task<CompraEntity> UpdateAsync(CompraEntity compra, Func<CompraEntity, bool> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(compra);
        ArgumentNullException.ThrowIfNull(change);
        var current = compra;
        for (var attempt = 1; ; attempt++)
        {
            var before = current.Estado;
            if (!change(current))
            {
                return current;
            }

            current.ActualizadaEn = clock.GetUtcNow();
            try
            {
                var stored = await compras.UpdateAsync(current, cancellationToken);
                if (stored.Estado != before)
                {
                    await steps.ReachedAsync(PurchaseStep.Transitioned, stored, cancellationToken);
                }

                return stored;
            }
            catch (ConcurrencyConflictException) when (attempt < MaxAttempts)
            {
                current = await compras.GetAsync(compra.EmpresaId, compra.Id, cancellationToken)
                    ?? throw new InvalidOperationException($"Purchase {compra.Id} vanished.");
            }
        }
    }

    /// <summary>Requests a move to <paramref name="to"/>; taken only when <see cref="CompraEstados.CanMove"/> allows it from the current state.</summary>
    public Task<CompraEntity> MoveAsync(CompraEntity compra, string to, string senal, CancellationToken cancellationToken, Action<CompraEntity>? alongWith = null) =>
        UpdateAsync(compra, current =>
        {
            if (!Move(current, to, senal))
            {
                return false;
            }

            alongWith?.Invoke(current);
            return true;
        }, cancellationToken);

    /// <summary>Moves the row in memory when allowed, recording the transition; answers whether it moved.</summary>
    public bool Move(CompraEntity compra, string to, string senal)
    {
        ArgumentNullException.ThrowIfNull(compra);
        if (!CompraEstados.CanMove(compra.Estado, to))
        {
            return false;
        }

        compra.HistorialJson = CompraHistorial.Append(compra.HistorialJson, new CompraTransicion(clock.GetUtcNow(), compra.Estado, to, senal));
        if (CompraEstados.RemovesAccess(to) && (CompraEstados.IsPaid(compra.Estado) || compra.ProvisionadaEn is not null))
        {
            compra.RevocacionPendiente = true;
        }

        compra.Estado = to;
        return true;
    }
}
