namespace Hotspot.Sales.Payments.MercadoPago;

/// <summary>Mercado Pago payment statuses in provider-neutral words.</summary>
internal static class MercadoPagoStatuses
{
    public static PaymentState State(string? status, decimal amount, decimal refunded) => status switch
    {
        "approved" when amount > 0 && refunded >= amount => PaymentState.Refunded,
        "approved" => PaymentState.Approved,
        "pending" or "in_process" or "authorized" => PaymentState.InProcess,
        "rejected" => PaymentState.Rejected,
        "cancelled" => PaymentState.Cancelled,
        "refunded" => PaymentState.Refunded,
        "charged_back" => PaymentState.ChargedBack,
        "in_mediation" => PaymentState.InDispute,
        _ => PaymentState.InProcess,
    };
}
