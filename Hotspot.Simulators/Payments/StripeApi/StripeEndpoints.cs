using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Hotspot.Simulators.Payments.StripeApi;

/// <summary>
/// The Stripe endpoints our client calls through Stripe.net, form-encoded as it sends them and authenticated with
/// <c>Authorization: Bearer sk_…</c>: Checkout Sessions, PaymentIntents and refunds, with Idempotency-Key replay
/// (a reused key with other parameters is an idempotency_error).
/// </summary>
internal static class StripeEndpoints
{
    public static void Map(IEndpointRouteBuilder app, PaymentSimulator simulator)
    {
        var ledger = simulator.Ledger;
        var dialect = (StripeDialect)simulator.Dialect(PaymentProvider.Stripe);
        app.MapPost("/v1/checkout/sessions", async (HttpRequest request, HttpResponse response) =>
        {
            if (Account(request, ledger) is not { } account)
            {
                return Unauthorized();
            }

            var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
            if (Session(form, account, ledger.Clock.GetUtcNow()) is not { } session)
            {
                return Error(400, "invalid_request_error", "line_items with price_data (currency, unit_amount, product_data[name]) and quantity, success_url and mode=payment are required.");
            }

            if (simulator.Faults.Take("create", PaymentProvider.Stripe) is { } fault)
            {
                return Error(fault.Status, "api_error", "An unexpected error occurred.");
            }

            return await IdempotentAsync(request, response, simulator, account, form, () =>
            {
                ledger.Add(session);
                return new StoredAnswer(200, dialect.SessionObject(session, null).ToJsonString());
            });
        });
        app.MapGet("/v1/checkout/sessions/{id}", (HttpRequest request, string id) =>
            Account(request, ledger) is not { } account ? Unauthorized()
            : ledger.Checkout(id) is not { Provider: PaymentProvider.Stripe } session || session.Account != account ? Missing("checkout.session", id)
            : Json(200, dialect.SessionObject(session, PaymentOf(ledger, session), Expand(request.Query))));
        app.MapPost("/v1/checkout/sessions/{id}/expire", (HttpRequest request, string id) =>
        {
            if (Account(request, ledger) is not { } account || ledger.Checkout(id) is not { Provider: PaymentProvider.Stripe } session || session.Account != account)
            {
                return Missing("checkout.session", id);
            }

            if (ledger.Locked(() => session.Status) != "open")
            {
                return Error(400, "invalid_request_error", $"Only Checkout Sessions with a status of open can be expired. This Checkout Session has a status of {ledger.Locked(() => session.Status)}.");
            }

            dialect.Expire(session);
            return Json(200, dialect.SessionObject(session, PaymentOf(ledger, session)));
        });
        app.MapGet("/v1/payment_intents/{id}", (HttpRequest request, string id) =>
            Account(request, ledger) is not { } account ? Unauthorized()
            : Owned(ledger, account, id) is not { } payment ? Missing("payment_intent", id)
            : Json(200, ledger.Locked(() => StripeWire.PaymentIntent(payment, ledger.Checkout(payment.CheckoutId)!, Expand(request.Query).Contains("latest_charge")))));
        app.MapGet("/v1/disputes", (HttpRequest request) =>
        {
            if (Account(request, ledger) is not { } account)
            {
                return Unauthorized();
            }

            var intent = request.Query["payment_intent"].ToString();
            var charge = request.Query["charge"].ToString();
            var disputed = ledger.PaymentsOf(account, c => c.Provider == PaymentProvider.Stripe)
                .Where(p => (intent.Length == 0 || p.Id == intent) && (charge.Length == 0 || p.ChargeId == charge));
            var disputes = ledger.Locked(() => disputed.Where(p => p.DisputeId is not null).Select(p => StripeWire.Dispute(p, p.UpdatedAt)).ToList());
            return Json(200, StripeWire.List("/v1/disputes", disputes));
        });
        app.MapPost("/v1/refunds", async (HttpRequest request, HttpResponse response) =>
        {
            if (Account(request, ledger) is not { } account)
            {
                return Unauthorized();
            }

            var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
            var target = form["payment_intent"].ToString() is { Length: > 0 } intent ? intent : form["charge"].ToString();
            if (Owned(ledger, account, target) is not { } payment)
            {
                return Error(400, "invalid_request_error", $"No such payment_intent: '{target}'", "resource_missing");
            }

            decimal? amount = long.TryParse(form["amount"], NumberStyles.None, CultureInfo.InvariantCulture, out var minor) ? minor : null;
            return await IdempotentAsync(request, response, simulator, account, form, () =>
                simulator.Dialect(PaymentProvider.Stripe).Refund(payment, amount) is { } refund
                    ? new StoredAnswer(200, ledger.Locked(() => StripeWire.Refund(refund, payment)).ToJsonString())
                    : new StoredAnswer(400, StripeWire.Error("invalid_request_error", "The charge cannot be refunded: it is not paid, or the amount is greater than what is left.", "charge_already_refunded").ToJsonString()));
        });
    }

    private static async Task<IResult> IdempotentAsync(
        HttpRequest request, HttpResponse response, PaymentSimulator simulator, SimulatedAccount account, IFormCollection form, Func<StoredAnswer> create)
    {
        var key = request.Headers["Idempotency-Key"].ToString();
        if (key.Length == 0)
        {
            return Answer(create());
        }

        var fingerprint = request.Path + "?" + string.Join('&', form.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => f.Key + "=" + f.Value));
        var (answer, replayed) = await simulator.Idempotency.GetOrCreateAsync(account, key, fingerprint, create);
        if (replayed && answer.Fingerprint != fingerprint)
        {
            return Error(400, "idempotency_error",
                $"Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '{key}' if you meant to execute a different request.");
        }

        if (replayed)
        {
            response.Headers["Idempotent-Replayed"] = "true";
        }

        return Answer(answer);
    }

    private static SimulatedCheckout? Session(IFormCollection form, SimulatedAccount account, DateTimeOffset now)
    {
        if (form["mode"] != "payment" || !Uri.TryCreate(form["success_url"], UriKind.Absolute, out var success))
        {
            return null;
        }

        long total = 0;
        string? name = null, currency = null;
        for (var i = 0; form.ContainsKey($"line_items[{i}][quantity]"); i++)
        {
            var item = $"line_items[{i}][price_data]";
            if (!long.TryParse(form[$"{item}[unit_amount]"], NumberStyles.None, CultureInfo.InvariantCulture, out var unit)
                || !long.TryParse(form[$"line_items[{i}][quantity]"], NumberStyles.None, CultureInfo.InvariantCulture, out var quantity)
                || form[$"{item}[currency]"].ToString() is not { Length: 3 } itemCurrency)
            {
                return null;
            }

            total += unit * quantity;
            currency ??= itemCurrency;
            name ??= form[$"{item}[product_data][name]"];
        }

        if (total <= 0 || currency is null)
        {
            return null;
        }

        return new SimulatedCheckout
        {
            Id = PaymentLedger.NewStripeId("cs"),
            Provider = PaymentProvider.Stripe,
            Account = account,
            ExternalReference = form["client_reference_id"].ToString() is { Length: > 0 } reference ? reference : null,
            Title = name ?? "",
            Amount = total,
            Currency = currency,
            SuccessUrl = success,
            FailureUrl = Uri.TryCreate(form["cancel_url"], UriKind.Absolute, out var cancel) ? cancel : null,
            Metadata = Nested(form, "metadata"),
            PaymentMetadata = Nested(form, "payment_intent_data[metadata]"),
            CustomerEmail = form["customer_email"].ToString() is { Length: > 0 } email ? email : null,
            ExpiresAt = long.TryParse(form["expires_at"], NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
                ? DateTimeOffset.FromUnixTimeSeconds(expires) : now.AddHours(24),
            CreatedAt = now,
        };
    }

    private static Dictionary<string, string> Nested(IFormCollection form, string prefix) => form
        .Where(f => f.Key.StartsWith(prefix + "[", StringComparison.Ordinal) && f.Key.EndsWith(']'))
        .ToDictionary(f => f.Key[(prefix.Length + 1)..^1], f => f.Value.ToString());

    private static HashSet<string> Expand(IQueryCollection query) =>
        [.. query.Where(q => q.Key.StartsWith("expand", StringComparison.Ordinal)).SelectMany(q => q.Value).OfType<string>()];

    private static SimulatedPayment? PaymentOf(PaymentLedger ledger, SimulatedCheckout session) =>
        ledger.Locked(() => session.PaymentIds.Count > 0 ? ledger.Payment(session.PaymentIds[^1]) : null);

    private static SimulatedPayment? Owned(PaymentLedger ledger, SimulatedAccount account, string id) =>
        ledger.Payment(id) is { Provider: PaymentProvider.Stripe } payment && ledger.Checkout(payment.CheckoutId)!.Account == account ? payment : null;

    private static SimulatedAccount? Account(HttpRequest request, PaymentLedger ledger)
    {
        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith("Bearer ", StringComparison.Ordinal)
            ? ledger.FindAccount(PaymentProvider.Stripe, authorization["Bearer ".Length..].Trim())
            : null;
    }

    private static IResult Unauthorized() => Error(401, "invalid_request_error", "Invalid API Key provided.");

    private static IResult Missing(string type, string id) => Error(404, "invalid_request_error", $"No such {type}: '{id}'", "resource_missing");

    private static IResult Error(int status, string type, string message, string? code = null) =>
        Json(status, StripeWire.Error(type, message, code));

    private static IResult Json(int status, JsonObject body) => Answer(new StoredAnswer(status, body.ToJsonString()));

    private static IResult Answer(StoredAnswer answer) => Results.Content(answer.Body, "application/json", Encoding.UTF8, answer.StatusCode);
}
