using Hotspot.Sales.Purchases;

namespace Hotspot.ExternalPortal;

/// <summary>
/// The guest page's words for buying and for each purchase state (the MikroTik portal's). Spanish shows the API's
/// <c>mensaje</c> as it is; English says the same in its own words.
/// </summary>
public sealed record PurchaseText(
    string Plans,
    string Buy,
    string PayWith,
    string BuyFailed,
    string TooMany,
    string WaitingTitle,
    string WaitingText,
    string CheckAgain,
    string CashTitle,
    string CashText,
    string Abandon,
    string AbandonWarning,
    string AbandonFailed,
    string ActivatingTitle,
    string NewPurchase,
    string BackToPlans,
    string ExpiredTitle,
    string AttentionTitle,
    string ContactAt,
    string EndedTitle,
    string PaidTitle,
    string PaidText,
    string Lost,
    string TermsTitle,
    string FreeNoTerms,
    string ContactTitle,
    string Phone,
    string Whatsapp,
    string Email,
    ReceiptText Receipt,
    IReadOnlyDictionary<string, string>? Mensajes)
{
    public static readonly PurchaseText Spanish = new(
        "Compra tiempo de internet", "Comprar", "Pagar con {0}",
        "No pudimos iniciar el pago. Intenta de nuevo en un momento.", "Demasiados intentos. Espera unos minutos e intenta de nuevo.",
        "Esperando tu pago", "Si ya pagaste, tu acceso se activa en cuanto el pago se confirme.", "Revisar de nuevo",
        "Pago pendiente", "Puedes cerrar esta página; vuelve aquí cuando esté pagado. Este dispositivo recuerda tu compra.",
        "Abandonar esta compra", "Si ya pagaste, no la abandones: tu acceso se activará en cuanto el pago se acredite.",
        "No pudimos cancelar la compra. Intenta de nuevo en un momento.",
        "Activando tu acceso…", "Iniciar una compra nueva", "Volver a los planes",
        "Se terminó el tiempo para pagar", "Tu pago llegó, falta activar tu acceso",
        "Pide ayuda al encargado de {0} y muéstrale el folio de este recibo.",
        "Esta compra terminó", "¡Pago recibido!", "Ya tienes internet. Guarda este recibo.",
        "No encontramos tu compra. Si ya pagaste, avisa al encargado.",
        "Términos de uso", "Navega gratis durante {0} minutos.", "Contacto", "Teléfono", "WhatsApp", "Correo",
        new ReceiptText("Negocio", "Folio", "Plan", "Total", "Fecha de pago", "Pagado con", "Referencia"),
        null);

    public static readonly PurchaseText English = new(
        "Buy internet time", "Buy", "Pay with {0}",
        "We could not start the payment. Try again in a moment.", "Too many attempts. Wait a few minutes and try again.",
        "Waiting for your payment", "If you already paid, your access starts as soon as the payment is confirmed.", "Check again",
        "Payment pending", "You may close this page; come back here once it is paid. This device remembers your purchase.",
        "Abandon this purchase", "If you already paid, do not abandon it: your access starts as soon as the payment is credited.",
        "We could not cancel the purchase. Try again in a moment.",
        "Activating your access…", "Start a new purchase", "Back to the plans",
        "The time to pay ran out", "Your payment arrived; your access is not active yet",
        "Please ask the staff of {0} for help and show them the receipt number.",
        "This purchase has ended", "Payment received!", "You are online. Keep this receipt.",
        "We could not find your purchase. If you already paid, please tell the staff.",
        "Terms of use", "Browse for free for {0} minutes.", "Contact", "Phone", "WhatsApp", "E-mail",
        new ReceiptText("Business", "Receipt no.", "Plan", "Total", "Paid on", "Paid with", "Reference"),
        new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [CompraEstados.Creada] = "Waiting for the payment.",
            [CompraEstados.PendientePago] = "Waiting for the payment.",
            [CompraEstados.EnProceso] = "Payment pending: it will be confirmed as soon as the provider credits it.",
            [CompraEstados.Aprobada] = "Payment received, activating your access…",
            [CompraEstados.Rechazada] = "The payment was declined.",
            [CompraEstados.Expirada] = "The time to pay ran out; start a new purchase.",
            [CompraEstados.Cancelada] = "The payment was cancelled.",
            [CompraEstados.RequiereAtencion] = "Payment received, but we could not activate your access; the operator has been told.",
            [CompraEstados.Reembolsada] = "The purchase was refunded and the access removed.",
            [CompraEstados.Contracargo] = "The payment was reversed by the bank and the access removed.",
        });

    /// <summary>What the page says of a purchase state: the API's <c>mensaje</c>, or its English.</summary>
    public string Mensaje(CompraEstado compra)
    {
        ArgumentNullException.ThrowIfNull(compra);
        return Mensajes is null ? compra.Mensaje ?? "" : Mensajes.GetValueOrDefault(compra.Estado, "");
    }
}

public sealed record ReceiptText(string Business, string Folio, string Plan, string Total, string PaidOn, string PaidWith, string Reference);
