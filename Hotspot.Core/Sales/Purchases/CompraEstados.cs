namespace Hotspot.Sales.Purchases;

/// <summary>
/// The states of a purchase, spelled as the API and the tables spell them. Every signal (portal poll, return redirect,
/// webhook, timer) only requests a move; <see cref="CanMove"/> decides whether the move is taken.
/// </summary>
public static class CompraEstados
{
    /// <summary>The row exists; the provider's checkout is not made yet (a provider that was down leaves it here, resumable).</summary>
    public const string Creada = "creada";

    /// <summary>The checkout exists; nothing paid yet.</summary>
    public const string PendientePago = "pendiente_pago";

    /// <summary>A payment is pending settlement (cash, transfer, review).</summary>
    public const string EnProceso = "en_proceso";

    /// <summary>The provider says paid; access not yet on the router.</summary>
    public const string Aprobada = "aprobada";

    /// <summary>Paid and the access exists on the router.</summary>
    public const string Provisionada = "provisionada";

    public const string Rechazada = "rechazada";

    public const string Expirada = "expirada";

    public const string Cancelada = "cancelada";

    /// <summary>Paid, but the access could not be made after every retry: an operator must act.</summary>
    public const string RequiereAtencion = "requiere_atencion";

    /// <summary>Refunded in full; the access is removed.</summary>
    public const string Reembolsada = "reembolsada";

    /// <summary>The buyer's bank took the money back; the access is removed.</summary>
    public const string Contracargo = "contracargo";

    public static IReadOnlyList<string> All { get; } =
        [Creada, PendientePago, EnProceso, Aprobada, Provisionada, Rechazada, Expirada, Cancelada, RequiereAtencion, Reembolsada, Contracargo];

    /// <summary>States in which the money was taken and not given back: the buyer is owed access.</summary>
    public static bool IsPaid(string estado) => estado is Aprobada or Provisionada or RequiereAtencion;

    /// <summary>States that take access away.</summary>
    public static bool RemovesAccess(string estado) => estado is Reembolsada or Contracargo;

    /// <summary>States still waiting for the buyer's money.</summary>
    public static bool AwaitsPayment(string estado) => estado is Creada or PendientePago or EnProceso;

    /// <summary>
    /// Whether a purchase may move from <paramref name="from"/> to <paramref name="to"/>. Forward only along
    /// creada &lt; pendiente_pago &lt; en_proceso &lt; aprobada &lt; provisionada; an unpaid end (rechazada, expirada,
    /// cancelada) still yields to a later approval (the money is real) and a rejection to a new pending attempt;
    /// requiere_atencion yields to provisionada; a refund or a chargeback is reachable from anything, and a refund may
    /// still become a chargeback. Nothing ever moves back to an earlier stage.
    /// </summary>
    public static bool CanMove(string from, string to) => from != to && (to switch
    {
        Contracargo => true,
        Reembolsada => from != Contracargo,
        _ when RemovesAccess(from) => false,
        PendientePago => from == Creada,
        EnProceso => from is Creada or PendientePago or Rechazada,
        Aprobada => from is Creada or PendientePago or EnProceso or Rechazada or Expirada or Cancelada,
        Provisionada => from is Aprobada or RequiereAtencion,
        RequiereAtencion => from == Aprobada,
        Rechazada or Expirada or Cancelada => AwaitsPayment(from),
        _ => false,
    });
}
