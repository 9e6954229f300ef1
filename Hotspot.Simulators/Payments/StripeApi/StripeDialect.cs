using System.Text.Json.Nodes;
using Hotspot.Simulators.Payments.Checkout;
using Hotspot.Simulators.Payments.Webhooks;

namespace Hotspot.Simulators.Payments.StripeApi;

/// <summary>
/// Stripe Checkout as the buyer and the merchant meet it: a card payment completes the session (paid), a cash-like
/// method completes it unpaid until it settles (async_payment_succeeded/failed), a declined card leaves the buyer on
/// the page, cancelling goes to cancel_url. Events go to the account's webhook endpoint.
/// </summary>
internal sealed class StripeDialect(PaymentLedger ledger, WebhookDispatcher webhooks, string apiVersion, Func<string, Uri> pageUrl) : IProviderDialect
{
    public Uri? Pay(SimulatedCheckout checkout, CheckoutOutcome outcome)
    {
        if (outcome == CheckoutOutcome.Cancel)
        {
            return checkout.FailureUrl;
        }

        if (outcome == CheckoutOutcome.Reject)
        {
            return null;
        }

        var now = ledger.Clock.GetUtcNow();
        var paid = outcome == CheckoutOutcome.Approve;
        var payment = new SimulatedPayment
        {
            Id = PaymentLedger.NewStripeId("pi"), ChargeId = paid ? PaymentLedger.NewStripeId("ch") : null, CheckoutId = checkout.Id,
            Provider = PaymentProvider.Stripe, Amount = checkout.Amount, Currency = checkout.Currency, Status = paid ? "succeeded" : "processing",
            StatusDetail = "", PaymentType = paid ? "card" : "customer_balance", CreatedAt = now, UpdatedAt = now, ApprovedAt = paid ? now : null,
        };
        ledger.Locked(() => checkout.Status = "complete");
        ledger.Add(payment);
        Publish(checkout, "checkout.session.completed", SessionObject(checkout, payment));
        return checkout.SuccessUrl is { } success
            ? new Uri(success.ToString().Replace("%7BCHECKOUT_SESSION_ID%7D", checkout.Id, StringComparison.OrdinalIgnoreCase)
                .Replace("{CHECKOUT_SESSION_ID}", checkout.Id, StringComparison.Ordinal))
            : null;
    }

    public bool Settle(SimulatedPayment payment, bool paid)
    {
        var checkout = ledger.Locked(() =>
        {
            if (payment.Status != "processing")
            {
                return null;
            }

            payment.Status = paid ? "succeeded" : "requires_payment_method";
            payment.ChargeId = paid ? PaymentLedger.NewStripeId("ch") : null;
            payment.UpdatedAt = ledger.Clock.GetUtcNow();
            payment.ApprovedAt = paid ? payment.UpdatedAt : null;
            return ledger.Checkout(payment.CheckoutId);
        });
        if (checkout is null)
        {
            return false;
        }

        Publish(checkout, paid ? "checkout.session.async_payment_succeeded" : "checkout.session.async_payment_failed", SessionObject(checkout, payment));
        return true;
    }

    public SimulatedRefund? Refund(SimulatedPayment payment, decimal? amount)
    {
        var (refund, checkout, charge) = ledger.Locked<(SimulatedRefund?, SimulatedCheckout?, JsonObject?)>(() =>
        {
            var left = payment.Amount - payment.AmountRefunded;
            var refunded = amount ?? left;
            if (payment.Status != "succeeded" || payment.DisputeId is not null || refunded <= 0 || refunded > left)
            {
                return (null, null, null);
            }

            var made = new SimulatedRefund(PaymentLedger.NewStripeId("re"), payment.Id, refunded, ledger.Clock.GetUtcNow());
            payment.Refunds.Add(made);
            payment.AmountRefunded += refunded;
            payment.UpdatedAt = made.CreatedAt;
            return (made, ledger.Checkout(payment.CheckoutId), StripeWire.Charge(payment));
        });
        if (refund is not null)
        {
            Publish(checkout!, "charge.refunded", charge!);
        }

        return refund;
    }

    public bool Chargeback(SimulatedPayment payment) => OpenDispute(payment);

    public bool OpenDispute(SimulatedPayment payment)
    {
        var (checkout, dispute) = ledger.Locked<(SimulatedCheckout?, JsonObject?)>(() =>
        {
            if (payment.Status != "succeeded" || payment.DisputeId is not null)
            {
                return (null, null);
            }

            payment.DisputeId = PaymentLedger.NewStripeId("dp");
            payment.DisputeStatus = "needs_response";
            payment.UpdatedAt = ledger.Clock.GetUtcNow();
            return (ledger.Checkout(payment.CheckoutId), StripeWire.Dispute(payment, payment.UpdatedAt));
        });
        if (checkout is null)
        {
            return false;
        }

        Publish(checkout, "charge.dispute.created", dispute!);
        return true;
    }

    public bool CloseDispute(SimulatedPayment payment, bool won)
    {
        var (checkout, dispute) = ledger.Locked<(SimulatedCheckout?, JsonObject?)>(() =>
        {
            if (payment.DisputeStatus != "needs_response")
            {
                return (null, null);
            }

            payment.DisputeStatus = won ? "won" : "lost";
            payment.UpdatedAt = ledger.Clock.GetUtcNow();
            return (ledger.Checkout(payment.CheckoutId), StripeWire.Dispute(payment, payment.UpdatedAt));
        });
        if (checkout is null)
        {
            return false;
        }

        Publish(checkout, "charge.dispute.closed", dispute!);
        return true;
    }

    public void Expire(SimulatedCheckout checkout)
    {
        var expired = ledger.Locked(() =>
        {
            if (checkout.Status != "open")
            {
                return false;
            }

            checkout.Status = "expired";
            return true;
        });
        if (expired)
        {
            Publish(checkout, "checkout.session.expired", SessionObject(checkout, null));
        }
    }

    public JsonObject SessionObject(SimulatedCheckout checkout, SimulatedPayment? payment, ISet<string>? expand = null) =>
        ledger.Locked(() => StripeWire.Session(checkout, payment, pageUrl(checkout.Id), expand ?? new HashSet<string>()));

    private void Publish(SimulatedCheckout checkout, string type, JsonObject data)
    {
        if (checkout.Account.WebhookUrl is not { } target)
        {
            return;
        }

        var id = PaymentLedger.NewStripeId("evt");
        var body = StripeWire.Event(id, type, data, apiVersion, ledger.Clock.GetUtcNow()).ToJsonString();
        webhooks.Publish(new OutgoingWebhook(PaymentProvider.Stripe, checkout.Account, target, type, id, body, id));
    }
}
