namespace Hotspot.Sales.Purchases;

/// <summary>
/// Where a dispute of the purchase's payment stands (Stripe dispute, Mercado Pago in_mediation). While it is open the
/// provider holds the money and the access is kept (the buyer may have paid honestly; the bank decides): the purchase
/// stays as it was. Won gives the money back; lost is a <see cref="CompraEstados.Contracargo"/>, which removes the access.
/// </summary>
public static class CompraDisputas
{
    public const string Abierta = "abierta";

    public const string Ganada = "ganada";

    public const string Perdida = "perdida";
}
