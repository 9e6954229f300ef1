using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Hotspot.Sales.Payments;
using Hotspot.Sales.Payments.Webhooks;
using Hotspot.Secrets;
using Hotspot.Simulators.Payments;
using Hotspot.Tests.Unifi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hotspot.Tests.Payments;

/// <summary>
/// The payment simulator on a free port, a webhook receiver both accounts notify, our provider clients wired as the
/// product wires them (AddPaymentProviders, pointed at the simulator) with the company's credentials in a secret
/// store, a buyer's browser (no automatic redirects) and the simulator's control port.
/// </summary>
public sealed partial class PaymentTestBed : IAsyncDisposable
{
    public const long EmpresaId = 42;
    public const string MercadoPagoToken = "APP_USR-test-token-9c1d";
    public const string MercadoPagoSecret = "mp-webhook-secret-3a7f";
    public const string StripeKey = "sk_test_paysim_51b";
    public const string StripeSecret = "whsec_paysim_e4c2";

    // Fixed for the run: a retry must send exactly the parameters of the first attempt, as the engine will (it stores the expiry).
    private static readonly DateTimeOffset Expiry = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds());

    private readonly ServiceProvider _services;

    private PaymentTestBed(PaymentSimulator simulator, WebhookReceiver receiver, ServiceProvider services, CapturedLogs logs)
    {
        Simulator = simulator;
        Webhooks = receiver;
        _services = services;
        Logs = logs;
        Control = new HttpClient { BaseAddress = simulator.ControlUrl, Timeout = TimeSpan.FromSeconds(30) };
        Browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(30) };
    }

    public PaymentSimulator Simulator { get; }

    public WebhookReceiver Webhooks { get; }

    public CapturedLogs Logs { get; }

    public HttpClient Control { get; }

    public HttpClient Browser { get; }

    public PaymentProviders Providers => _services.GetRequiredService<PaymentProviders>();

    public PaymentCredentialStore Credentials => _services.GetRequiredService<PaymentCredentialStore>();

    public static async Task<PaymentTestBed> StartAsync()
    {
        var receiver = await WebhookReceiver.StartAsync();
        var simulator = await PaymentSimulator.StartAsync(new PaymentSimulatorOptions
        {
            Accounts =
            [
                new(Simulators.Payments.PaymentProvider.MercadoPago, MercadoPagoToken, MercadoPagoSecret, receiver.Url),
                new(Simulators.Payments.PaymentProvider.Stripe, StripeKey, StripeSecret, receiver.Url),
            ],
        }, CancellationToken.None);
        var logs = new CapturedLogs();
        var services = new ServiceCollection()
            .AddLogging(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Trace))
            .AddSingleton<ISecretStore>(new LocalSecretStore(TimeProvider.System, filePath: null))
            .AddPaymentProviders(options =>
            {
                options.MercadoPagoApiBase = simulator.ApiBaseUrl;
                options.StripeApiBase = simulator.ApiBaseUrl;
                options.StripeConnectBase = simulator.ApiBaseUrl;
                options.RequestTimeout = TimeSpan.FromSeconds(30);
            })
            .BuildServiceProvider();
        var bed = new PaymentTestBed(simulator, receiver, services, logs);
        await bed.Credentials.SetAsync(EmpresaId, PaymentProviderKind.MercadoPago, MercadoPagoToken, MercadoPagoSecret, CancellationToken.None);
        await bed.Credentials.SetAsync(EmpresaId, PaymentProviderKind.Stripe, StripeKey, StripeSecret, CancellationToken.None);
        return bed;
    }

    public async Task<PaymentAccount> AccountAsync(PaymentProviderKind kind) =>
        await Credentials.GetAccountAsync(EmpresaId, kind, CancellationToken.None) ?? throw new InvalidOperationException("No account.");

    public static CheckoutRequest Checkout(string purchaseId, decimal amount = 15.00m, string title = "1 hora") => new(
        purchaseId, title, amount, "MXN",
        new Uri($"https://api.example.test/api/v1/compras/{purchaseId}/retorno?resultado=ok"),
        new Uri($"https://api.example.test/api/v1/compras/{purchaseId}/retorno?resultado=fallo"),
        new Uri($"https://api.example.test/api/v1/compras/{purchaseId}/retorno?resultado=pendiente"),
        null,
        Expiry);

    /// <summary>The Stripe variant: the success URL asks for the session id, as Stripe documents.</summary>
    public static CheckoutRequest StripeCheckout(string purchaseId, decimal amount = 15.00m) => Checkout(purchaseId, amount) with
    {
        SuccessUrl = new Uri($"https://api.example.test/api/v1/compras/{purchaseId}/retorno?session_id={{CHECKOUT_SESSION_ID}}"),
    };

    public static string NewPurchaseId() => "c" + Guid.NewGuid().ToString("N")[..20];

    /// <summary>The buyer opens the payment page and presses one of its buttons; answers the provider's redirect.</summary>
    public async Task<HttpResponseMessage> PressAsync(Uri paymentUrl, string action)
    {
        var page = await Browser.GetStringAsync(paymentUrl);
        var form = FormAction().Match(page);
        Assert.True(form.Success, "The hosted page has a form.");
        Assert.Contains($"value=\"{action}\"", page, StringComparison.Ordinal);
        return await Browser.PostAsync(new Uri(paymentUrl, WebUtility.HtmlDecode(form.Groups[1].Value)),
            new FormUrlEncodedContent([KeyValuePair.Create("action", action)]));
    }

    public async Task<JsonElement> ControlAsync(string path, object? body = null)
    {
        using var response = await Control.PostAsJsonAsync(path, body ?? new { });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public async Task<JsonElement> GetControlAsync(string path) =>
        JsonDocument.Parse(await Control.GetStringAsync(new Uri(path, UriKind.Relative))).RootElement.Clone();

    public static string Text(WebhookRequest webhook) => Encoding.UTF8.GetString(webhook.Body.Span);

    public async ValueTask DisposeAsync()
    {
        Control.Dispose();
        Browser.Dispose();
        await _services.DisposeAsync();
        await Simulator.DisposeAsync();
        await Webhooks.DisposeAsync();
    }

    [GeneratedRegex("<form method=\"post\" action=\"([^\"]+)\"")]
    private static partial Regex FormAction();
}
