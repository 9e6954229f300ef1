using System.Globalization;

namespace Hotspot.Simulators.Payments;

/// <summary><c>Hotspot.Simulators payments [options]</c>: runs a simulator until Ctrl+C or SIGTERM.</summary>
public static class PaymentSimulatorCli
{
    public const string Usage = """
        Usage: Hotspot.Simulators payments [--port 8090] [--control-port 8091] [--public-url URL] [--webhook-url URL] [--listen-any]
          --port          Mercado Pago + Stripe API and hosted checkout page (HTTP); 0 picks a free one
          --control-port  control port on loopback (GET /state, GET /webhooks, POST /accounts, POST /checkouts/{id}/pay,
                          POST /payments/{id}/settle|refund|chargeback, POST|DELETE /faults, POST /clock/advance)
          --public-url    base URL browsers use to reach the hosted checkout page (default: the bound address)
          --webhook-url   where both default accounts send webhooks (e.g. http://127.0.0.1:7071/api/v1/webhooks/...)
          --listen-any    serve the API on every interface, not only loopback
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (Parse(args) is not { } options)
        {
            await Console.Error.WriteLineAsync(Usage);
            return 2;
        }

        using var stop = new StopSignal();

        await using var simulator = await PaymentSimulator.StartAsync(options, CancellationToken.None);
        Console.WriteLine($"Payment API (Mercado Pago + Stripe): {simulator.ApiBaseUrl}");
        Console.WriteLine($"Mercado Pago access token:          {PaymentSimulatorOptions.DefaultMercadoPagoAccessToken}");
        Console.WriteLine($"Mercado Pago webhook secret:        {PaymentSimulatorOptions.DefaultMercadoPagoWebhookSecret}");
        Console.WriteLine($"Stripe secret key:                  {PaymentSimulatorOptions.DefaultStripeSecretKey}");
        Console.WriteLine($"Stripe webhook secret:              {PaymentSimulatorOptions.DefaultStripeWebhookSecret}");
        Console.WriteLine($"Webhooks go to:                     {options.Accounts[0].WebhookUrl?.ToString() ?? "(none: set with --webhook-url or POST /accounts)"}");
        Console.WriteLine($"Control port:                       {simulator.ControlUrl}");
        Console.WriteLine("Ctrl+C stops it.");
        await stop.Stopped;
        return 0;
    }

    internal static PaymentSimulatorOptions? Parse(IReadOnlyList<string> args)
    {
        var options = new PaymentSimulatorOptions { Port = 8090, ControlPort = 8091 };
        for (var i = 0; i < args.Count; i++)
        {
            string? Value() => i + 1 < args.Count ? args[++i] : null;
            options = args[i] switch
            {
                "--listen-any" => options with { ListenOnAllInterfaces = true },
                "--port" when CliValues.Port(Value()) is { } port => options with { Port = port },
                "--control-port" when CliValues.Port(Value()) is { } port => options with { ControlPort = port },
                "--public-url" when Url(Value()) is { } url => options with { PublicBaseUrl = url },
                "--webhook-url" when Url(Value()) is { } url => options with { Accounts = [.. options.Accounts.Select(a => a with { WebhookUrl = url })] },
                _ => null,
            };
            if (options is null)
            {
                return null;
            }
        }

        return options;
    }

    private static Uri? Url(string? text) => Uri.TryCreate(text, UriKind.Absolute, out var url) ? url : null;
}
