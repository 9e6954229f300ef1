using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Hotspot.Simulators.Payments.MercadoPago;

/// <summary>
/// The Mercado Pago REST endpoints our client calls, authenticated with <c>Authorization: Bearer &lt;access token&gt;</c>:
/// Checkout Pro preferences, payment search by external_reference, a payment, and refunds (X-Idempotency-Key required).
/// </summary>
internal static class MercadoPagoEndpoints
{
    public static void Map(IEndpointRouteBuilder app, PaymentSimulator simulator)
    {
        var ledger = simulator.Ledger;
        app.MapPost("/checkout/preferences", async (HttpRequest request) =>
        {
            if (Account(request, ledger) is not { } account)
            {
                return Unauthorized();
            }

            var body = await ReadBodyAsync(request);
            if (body is null || Preference(body, account, ledger.Clock.GetUtcNow()) is not { } checkout)
            {
                return Error(400, "bad_request", "items with title, quantity and unit_price are required");
            }

            if (simulator.Faults.Take("create", PaymentProvider.MercadoPago) is { } fault)
            {
                return Error(fault.Status, "internal_error", "internal_error");
            }

            var key = request.Headers["X-Idempotency-Key"].ToString();
            StoredAnswer Create()
            {
                ledger.Add(checkout);
                return new StoredAnswer(201, MercadoPagoWire.Preference(checkout, simulator.CheckoutPageUrl(checkout.Id)).ToJsonString());
            }

            if (key.Length == 0)
            {
                return Answer(Create());
            }

            var (answer, _) = await simulator.Idempotency.GetOrCreateAsync(account, "pref:" + key, Fingerprint(body), Create);
            return Answer(answer);
        });
        // Updating a preference: only its expiry is simulated. An expiration_date_to already past closes it to payments.
        app.MapPut("/checkout/preferences/{id}", async (HttpRequest request, string id) =>
        {
            if (Account(request, ledger) is not { } account)
            {
                return Unauthorized();
            }

            if (ledger.Checkout(id) is not { Provider: PaymentProvider.MercadoPago } checkout || checkout.Account != account)
            {
                return Error(404, "not_found", "preference not found");
            }

            var body = await ReadBodyAsync(request);
            if (body?["expires"] is JsonValue expires && expires.TryGetValue<bool>(out var yes) && yes
                && DateTimeOffset.TryParse((string?)body["expiration_date_to"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var to)
                && to <= ledger.Clock.GetUtcNow())
            {
                simulator.Dialect(PaymentProvider.MercadoPago).Expire(checkout);
            }

            return Answer(new StoredAnswer(200, MercadoPagoWire.Preference(checkout, simulator.CheckoutPageUrl(checkout.Id)).ToJsonString()));
        });
        app.MapGet("/v1/payments/search", (HttpRequest request) =>
        {
            if (Account(request, ledger) is not { } account)
            {
                return Unauthorized();
            }

            var reference = request.Query["external_reference"].ToString();
            var payments = ledger.PaymentsOf(account, c => reference.Length == 0 || c.ExternalReference == reference);
            var results = ledger.Locked(() => new JsonArray([.. payments.Select(p => (JsonNode)MercadoPagoWire.Payment(p, ledger.Checkout(p.CheckoutId)!))]));
            return Answer(new StoredAnswer(200, new JsonObject
            {
                ["paging"] = new JsonObject { ["total"] = payments.Count, ["limit"] = 30, ["offset"] = 0 },
                ["results"] = results,
            }.ToJsonString()));
        });
        app.MapGet("/v1/payments/{id}", (HttpRequest request, string id) =>
            Account(request, ledger) is not { } account ? Unauthorized()
            : Owned(ledger, account, id) is not { } payment ? Error(404, "not_found", "Payment not found")
            : Answer(new StoredAnswer(200, ledger.Locked(() => MercadoPagoWire.Payment(payment, ledger.Checkout(payment.CheckoutId)!)).ToJsonString())));
        app.MapPost("/v1/payments/{id}/refunds", async (HttpRequest request, string id) =>
        {
            if (Account(request, ledger) is not { } account)
            {
                return Unauthorized();
            }

            var key = request.Headers["X-Idempotency-Key"].ToString();
            if (key.Length == 0)
            {
                return Error(400, "bad_request", "Header-X-Idempotency-Key-can't-be-null", 4292);
            }

            if (Owned(ledger, account, id) is not { } payment)
            {
                return Error(404, "not_found", "Payment not found");
            }

            var body = await ReadBodyAsync(request) ?? [];
            decimal? amount = body["amount"] is JsonValue value && value.TryGetValue<decimal>(out var parsed) ? parsed : null;
            var (answer, _) = await simulator.Idempotency.GetOrCreateAsync(account, "refund:" + key, id + Fingerprint(body), () =>
                simulator.Dialect(PaymentProvider.MercadoPago).Refund(payment, amount) is { } refund
                    ? new StoredAnswer(201, MercadoPagoWire.Refund(refund).ToJsonString())
                    : new StoredAnswer(400, MercadoPagoWire.Error(400, "bad_request", "Invalid refund: the payment is not approved or the amount exceeds what is left").ToJsonString()));
            return Answer(answer);
        });
    }

    private static SimulatedAccount? Account(HttpRequest request, PaymentLedger ledger)
    {
        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith("Bearer ", StringComparison.Ordinal)
            ? ledger.FindAccount(PaymentProvider.MercadoPago, authorization["Bearer ".Length..].Trim())
            : null;
    }

    private static SimulatedPayment? Owned(PaymentLedger ledger, SimulatedAccount account, string id) =>
        ledger.Payment(id) is { Provider: PaymentProvider.MercadoPago } payment && ledger.Checkout(payment.CheckoutId)!.Account == account ? payment : null;

    private static SimulatedCheckout? Preference(JsonObject body, SimulatedAccount account, DateTimeOffset now)
    {
        if (body["items"] is not JsonArray { Count: > 0 } items)
        {
            return null;
        }

        decimal total = 0;
        string? title = null;
        var currency = "MXN";
        foreach (var item in items.OfType<JsonObject>())
        {
            if (!TryDecimal(item["unit_price"], out var price) || !TryDecimal(item["quantity"] ?? 1, out var quantity) || price <= 0 || quantity <= 0)
            {
                return null;
            }

            total += price * quantity;
            title ??= (string?)item["title"];
            currency = (string?)item["currency_id"] ?? currency;
        }

        var backUrls = body["back_urls"] as JsonObject;
        return new SimulatedCheckout
        {
            Id = $"{MercadoPagoWire.CollectorId(account)}-{Guid.NewGuid()}",
            Provider = PaymentProvider.MercadoPago,
            Account = account,
            ExternalReference = (string?)body["external_reference"],
            Title = title ?? "",
            Amount = total,
            Currency = currency,
            SuccessUrl = Url(backUrls?["success"]),
            FailureUrl = Url(backUrls?["failure"]),
            PendingUrl = Url(backUrls?["pending"]),
            NotificationUrl = Url(body["notification_url"]),
            Metadata = body["metadata"] is JsonObject metadata ? metadata.ToDictionary(m => m.Key, m => m.Value?.ToString() ?? "") : new Dictionary<string, string>(),
            CustomerEmail = (string?)body["payer"]?["email"],
            ExpiresAt = body["expires"] is JsonValue expires && expires.TryGetValue<bool>(out var yes) && yes
                && DateTimeOffset.TryParse((string?)body["expiration_date_to"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var to) ? to : null,
            CreatedAt = now,
        };
    }

    private static bool TryDecimal(JsonNode? node, out decimal value)
    {
        value = 0;
        return node is JsonValue json && json.TryGetValue(out value);
    }

    private static Uri? Url(JsonNode? node) => Uri.TryCreate((string?)node, UriKind.Absolute, out var url) ? url : null;

    private static async Task<JsonObject?> ReadBodyAsync(HttpRequest request)
    {
        try
        {
            return await JsonNode.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Fingerprint(JsonObject body) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(body.ToJsonString())));

    private static IResult Unauthorized() => Error(401, "unauthorized", "invalid access token");

    private static IResult Error(int status, string error, string message, int? cause = null) =>
        Answer(new StoredAnswer(status, MercadoPagoWire.Error(status, error, message, cause).ToJsonString()));

    private static IResult Answer(StoredAnswer answer) => Results.Content(answer.Body, "application/json", Encoding.UTF8, answer.StatusCode);
}
