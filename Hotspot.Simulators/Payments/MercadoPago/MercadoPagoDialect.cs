using System.Globalization;
using Hotspot.Simulators.Payments.Checkout;
using Hotspot.Simulators.Payments.Webhooks;
using Microsoft.AspNetCore.WebUtilities;

namespace Hotspot.Simulators.Payments.MercadoPago;

/// <summary>
/// Checkout Pro as the buyer and the merchant meet it: each attempt on the page makes a payment (approved, rejected or
/// pending), the browser goes to the matching back_url with Mercado Pago's query parameters, and every change to a
/// payment notifies payment.created or payment.updated.
/// </summary>
internal sealed class MercadoPagoDialect(PaymentLedger ledger, WebhookDispatcher webhooks) : IProviderDialect
{
    private long _notificationId = 110_000_000_000;

    public Uri? Pay(SimulatedCheckout checkout, CheckoutOutcome outcome)
    {
        if (outcome == CheckoutOutcome.Cancel)
        {
            // "Volver al sitio" without paying: Mercado Pago sends nulls for the payment.
            return WithQuery(checkout.FailureUrl, checkout, null, "null");
        }

        var now = ledger.Clock.GetUtcNow();
        var (status, detail, type) = outcome switch
        {
            CheckoutOutcome.Approve => ("approved", "accredited", "credit_card"),
            CheckoutOutcome.Reject => ("rejected", "cc_rejected_other_reason", "credit_card"),
            _ => ("pending", "pending_waiting_payment", "ticket"),
        };
        var payment = new SimulatedPayment
        {
            Id = ledger.NextMercadoPagoId(), CheckoutId = checkout.Id, Provider = PaymentProvider.MercadoPago, Amount = checkout.Amount,
            Currency = checkout.Currency, Status = status, StatusDetail = detail, PaymentType = type, CreatedAt = now, UpdatedAt = now,
            ApprovedAt = status == "approved" ? now : null,
        };
        ledger.Add(payment);
        Notify(payment, checkout, "payment.created");
        var backUrl = outcome switch
        {
            CheckoutOutcome.Approve => checkout.SuccessUrl,
            CheckoutOutcome.Reject => checkout.FailureUrl,
            _ => checkout.PendingUrl ?? checkout.SuccessUrl,
        };
        return WithQuery(backUrl, checkout, payment, status);
    }

    public bool Settle(SimulatedPayment payment, bool paid)
    {
        var checkout = ledger.Locked(() =>
        {
            if (payment.Status != "pending")
            {
                return null;
            }

            (payment.Status, payment.StatusDetail) = paid ? ("approved", "accredited") : ("cancelled", "expired");
            payment.UpdatedAt = ledger.Clock.GetUtcNow();
            payment.ApprovedAt = paid ? payment.UpdatedAt : null;
            return ledger.Checkout(payment.CheckoutId);
        });
        return Updated(payment, checkout);
    }

    public SimulatedRefund? Refund(SimulatedPayment payment, decimal? amount)
    {
        SimulatedCheckout? checkout = null;
        var refund = ledger.Locked(() =>
        {
            var left = payment.Amount - payment.AmountRefunded;
            var refunded = amount ?? left;
            if (payment.Status != "approved" || refunded <= 0 || refunded > left)
            {
                return null;
            }

            var now = ledger.Clock.GetUtcNow();
            var made = new SimulatedRefund(ledger.NextMercadoPagoId(), payment.Id, refunded, now);
            payment.Refunds.Add(made);
            payment.AmountRefunded += refunded;
            (payment.Status, payment.StatusDetail) = payment.AmountRefunded == payment.Amount ? ("refunded", "refunded") : ("approved", "partially_refunded");
            payment.UpdatedAt = now;
            checkout = ledger.Checkout(payment.CheckoutId);
            return made;
        });
        Updated(payment, checkout);
        return refund;
    }

    public bool Chargeback(SimulatedPayment payment) => Move(payment, "approved", ("charged_back", "settled"));

    /// <summary>Mercado Pago's mediation: the payment is in_mediation while the claim runs, and the money is withheld.</summary>
    public bool OpenDispute(SimulatedPayment payment) => Move(payment, "approved", ("in_mediation", "in_process"));

    /// <summary>A mediation the seller wins returns the payment to approved; lost, it is charged_back.</summary>
    public bool CloseDispute(SimulatedPayment payment, bool won) =>
        Move(payment, "in_mediation", won ? ("approved", "accredited") : ("charged_back", "settled"));

    // A preference past expiration_date_to takes no more payments; Mercado Pago sends no notification for it.
    public void Expire(SimulatedCheckout checkout) => ledger.Locked(() => checkout.Status = "expired");

    private bool Move(SimulatedPayment payment, string from, (string Status, string Detail) to)
    {
        var checkout = ledger.Locked(() =>
        {
            if (payment.Status != from)
            {
                return null;
            }

            (payment.Status, payment.StatusDetail) = to;
            payment.UpdatedAt = ledger.Clock.GetUtcNow();
            return ledger.Checkout(payment.CheckoutId);
        });
        return Updated(payment, checkout);
    }

    private bool Updated(SimulatedPayment payment, SimulatedCheckout? checkout)
    {
        if (checkout is null)
        {
            return false;
        }

        Notify(payment, checkout, "payment.updated");
        return true;
    }

    private void Notify(SimulatedPayment payment, SimulatedCheckout checkout, string action)
    {
        if ((checkout.NotificationUrl ?? checkout.Account.WebhookUrl) is not { } target)
        {
            return;
        }

        var body = ledger.Locked(() => MercadoPagoWire.Notification(payment, checkout, action, Interlocked.Increment(ref _notificationId), ledger.Clock.GetUtcNow()));
        webhooks.Publish(new OutgoingWebhook(
            PaymentProvider.MercadoPago, checkout.Account, target, action, payment.Id, body.ToJsonString(), Guid.NewGuid().ToString()));
    }

    private static Uri? WithQuery(Uri? backUrl, SimulatedCheckout checkout, SimulatedPayment? payment, string status)
    {
        if (backUrl is null)
        {
            return null;
        }

        var paymentId = payment?.Id ?? "null";
        return new Uri(QueryHelpers.AddQueryString(backUrl.ToString(), new Dictionary<string, string?>
        {
            ["collection_id"] = paymentId,
            ["collection_status"] = status,
            ["payment_id"] = paymentId,
            ["status"] = status,
            ["external_reference"] = checkout.ExternalReference ?? "null",
            ["payment_type"] = payment?.PaymentType ?? "null",
            ["merchant_order_id"] = MercadoPagoWire.MerchantOrderId(checkout).ToString(CultureInfo.InvariantCulture),
            ["preference_id"] = checkout.Id,
            ["site_id"] = MercadoPagoWire.SiteId,
            ["processing_mode"] = "aggregator",
            ["merchant_account_id"] = "null",
        }));
    }
}
