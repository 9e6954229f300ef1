using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Hotspot.ExternalPortal;

/// <summary>
/// The guest portal's HTML: one small server-rendered page, no JavaScript, readable on a phone, in the venue's brand.
/// Every value from the request or typed by an operator is HTML-encoded; colours are <c>#rrggbb</c> only.
/// </summary>
internal static class PortalPage
{
    // Spanish text stays readable in the source of the page; markup characters are still encoded.
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);
    private const string DefaultPrimary = "#0b6bcb";
    private const string DefaultSecondary = "#1d2733";

    public static IResult Render(PortalText fallback, PortalView view, int statusCode = StatusCodes.Status200OK)
    {
        var text = view.Text ?? fallback;
        var brand = view.Brand;
        var page = new StringBuilder();
        page.Append("<!doctype html><html lang=\"").Append(text.Lang).Append("\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        if (view.Purchase is { Kind: PurchaseScreenKind.Activating or PurchaseScreenKind.Waiting } refreshing)
        {
            // No JavaScript: the page asks again by itself while the payment settles.
            var seconds = refreshing.Kind == PurchaseScreenKind.Activating ? 3 : 10;
            page.Append("<meta http-equiv=\"refresh\" content=\"").Append(seconds).Append(";url=").Append(E(refreshing.CheckUrl(view.PageUrl))).Append("\">");
        }

        page.Append("<title>").Append(E(brand?.Name ?? text.Title)).Append("</title><style>")
            .Append(":root{--primary:").Append(brand?.Primary ?? DefaultPrimary).Append(";--secondary:").Append(brand?.Secondary ?? DefaultSecondary).Append('}')
            .Append("body{font-family:system-ui,sans-serif;margin:0;padding:1rem;background:#f4f6f8;color:#1d2733}")
            .Append("main{max-width:28rem;margin:0 auto;background:#fff;border-radius:12px;padding:1.25rem;box-shadow:0 1px 4px #0002;border-top:6px solid var(--primary)}")
            .Append("header{display:flex;align-items:center;gap:.75rem;margin-bottom:.5rem}header img{max-height:48px;max-width:40%}")
            .Append(".venue{font-weight:700;font-size:1.15rem;color:var(--secondary);margin:0}")
            .Append("label{display:block;margin-top:.75rem}input{display:block;width:100%;box-sizing:border-box;padding:.75rem;font-size:1.1rem;margin-top:.25rem}")
            .Append(".voucher,.free,.contact{margin-top:1.25rem;border-top:1px solid #dde3ea;padding-top:.5rem}")
            .Append("h1{font-size:1.3rem;margin:.25rem 0 .75rem}h2{font-size:1.1rem;margin:.5rem 0}p{line-height:1.5}")
            .Append(".msg{padding:.75rem;border-radius:8px;background:#fdecea;color:#8a1c12}")
            .Append(".products{list-style:none;padding:0;margin:0}.product{border:1px solid #dde3ea;border-radius:8px;padding:.75rem;margin:.5rem 0}")
            .Append(".product strong{display:block}.price{font-size:1.2rem;font-weight:700;color:var(--secondary)}.product p{margin:.25rem 0}")
            .Append(".terms{max-height:9rem;overflow:auto;border:1px solid #dde3ea;border-radius:8px;padding:.5rem;background:#fafbfc;white-space:pre-wrap;font-size:.95rem}")
            .Append("dl{display:grid;grid-template-columns:auto 1fr;gap:.25rem .75rem}dt{color:#56606b}dd{margin:0;font-weight:600;overflow-wrap:anywhere}")
            .Append("button,a.btn{display:block;width:100%;box-sizing:border-box;padding:.9rem;font-size:1.05rem;border:0;border-radius:8px;")
            .Append("background:var(--primary);color:#fff;text-align:center;text-decoration:none;margin-top:.75rem;cursor:pointer}")
            .Append("button.secondary,a.secondary{background:#fff;color:var(--secondary);border:1px solid #c6ced6}.small{font-size:.9rem;color:#56606b}")
            .Append("</style></head><body data-state=\"").Append(State(view)).Append("\"><main>");
        Header(page, brand);
        page.Append("<h1>").Append(E(PortalText.Fill(text.Welcome, view.Ssid))).Append("</h1>");
        if (view.Message is not null)
        {
            page.Append("<p class=\"msg\" role=\"alert\" id=\"message\">").Append(E(view.Message)).Append("</p>");
        }

        if (view.Purchase is { } purchase)
        {
            PurchaseSection(page, text, view, purchase);
        }
        else if (view.ShowForm)
        {
            Forms(page, text, view);
        }

        if (view.ContinueUrl is not null && view.Purchase is null)
        {
            page.Append("<a class=\"btn\" id=\"continue\" href=\"").Append(E(view.ContinueUrl)).Append("\">").Append(E(text.Continue)).Append("</a>");
        }

        Contact(page, text, brand);
        page.Append("</main></body></html>");
        return Results.Content(page.ToString(), "text/html; charset=utf-8", Encoding.UTF8, statusCode);
    }

    private static string E(string value) => Html.Encode(value);

    private static string State(PortalView view) =>
        view.Purchase?.State ?? (view.ShowForm ? "catalog" : view.ContinueUrl is not null ? "continue" : "message");

    private static void Header(StringBuilder page, GuestBrand? brand)
    {
        if (brand is null)
        {
            return;
        }

        page.Append("<header>");
        if (brand.LogoPath is { } logo)
        {
            page.Append("<img id=\"logo\" src=\"").Append(E(logo)).Append("\" alt=\"\">");
        }

        page.Append("<p class=\"venue\" id=\"venue\">").Append(E(brand.Name)).Append("</p></header>");
    }

    private static void Forms(StringBuilder page, PortalText text, PortalView view)
    {
        var words = text.Purchase;
        if (view.Shop is { Sells: true } shop)
        {
            page.Append("<section id=\"catalog\"><h2>").Append(E(words.Plans)).Append("</h2><ul class=\"products\" id=\"products\">");
            foreach (var product in shop.Products)
            {
                page.Append("<li class=\"product\"><form method=\"post\"><strong>").Append(E(product.NombreVenta)).Append("</strong>")
                    .Append("<span class=\"price\">").Append(E(GuestPageFormat.Money(product.Precio, product.Moneda))).Append("</span>")
                    .Append(" <span class=\"small\">").Append(E(GuestPageFormat.Duration(product.TiempoSegundos, text))).Append("</span>");
                if (product.Descripcion is { Length: > 0 } about)
                {
                    page.Append("<p>").Append(E(about)).Append("</p>");
                }

                page.Append("<input type=\"hidden\" name=\"mode\" value=\"buy\"><input type=\"hidden\" name=\"producto\" value=\"").Append(E(product.Id)).Append("\">")
                    .Append("<input type=\"hidden\" name=\"key\" value=\"").Append(E(view.Nonce)).Append("\">");
                foreach (var provider in shop.Providers)
                {
                    var label = shop.Providers.Count == 1 ? words.Buy : PortalText.Fill(words.PayWith, GuestPageFormat.Provider(provider));
                    page.Append("<button type=\"submit\" class=\"buy\" name=\"proveedor\" value=\"").Append(E(provider)).Append("\">").Append(E(label)).Append("</button>");
                }

                page.Append("</form></li>");
            }

            page.Append("</ul></section>");
        }

        var terms = view.Brand?.Terms;
        if (view.FreeMinutes > 0)
        {
            page.Append("<section class=\"free\">");
            if (terms is not null)
            {
                page.Append("<h2>").Append(E(words.TermsTitle)).Append("</h2><div class=\"terms\" id=\"terms\">").Append(E(terms)).Append("</div>")
                    .Append("<p>").Append(E(PortalText.Fill(text.FreeAccess, view.FreeMinutes))).Append("</p>");
            }
            else
            {
                page.Append("<p>").Append(E(PortalText.Fill(words.FreeNoTerms, view.FreeMinutes))).Append("</p>");
            }

            page.Append("<form method=\"post\"><input type=\"hidden\" name=\"mode\" value=\"accept\">")
                .Append("<button type=\"submit\" id=\"accept\">").Append(E(text.Accept)).Append("</button></form></section>");
        }
        else if (terms is not null)
        {
            page.Append("<details class=\"free\"><summary>").Append(E(words.TermsTitle)).Append("</summary><div class=\"terms\" id=\"terms\">").Append(E(terms)).Append("</div></details>");
        }

        var voucher = text.Voucher;
        page.Append("<form method=\"post\" class=\"voucher\"><p>").Append(E(voucher.Prompt)).Append("</p>")
            .Append("<input type=\"hidden\" name=\"mode\" value=\"voucher\">")
            .Append("<label>").Append(E(voucher.Username))
            .Append("<input name=\"username\" id=\"voucher-username\" required maxlength=\"64\" autocomplete=\"username\" autocapitalize=\"none\" spellcheck=\"false\"></label>")
            .Append("<label>").Append(E(voucher.Passcode))
            .Append("<input name=\"passcode\" id=\"voucher-passcode\" required maxlength=\"64\" autocomplete=\"one-time-code\" autocapitalize=\"none\" spellcheck=\"false\"></label>")
            .Append("<button type=\"submit\" id=\"redeem\" class=\"secondary\">").Append(E(voucher.Submit)).Append("</button></form>");
    }

    private static void PurchaseSection(StringBuilder page, PortalText text, PortalView view, PurchaseScreen screen)
    {
        var words = text.Purchase;
        page.Append("<section id=\"purchase\"><h2 id=\"purchase-title\">").Append(E(screen.Title)).Append("</h2>")
            .Append("<p id=\"purchase-text\">").Append(E(screen.Text)).Append("</p>");
        if (screen.Kind is PurchaseScreenKind.Paid or PurchaseScreenKind.Attention)
        {
            Receipt(page, text, view.Brand, screen);
        }

        switch (screen.Kind)
        {
            case PurchaseScreenKind.Waiting or PurchaseScreenKind.Cash or PurchaseScreenKind.Activating:
                page.Append("<a class=\"btn\" id=\"purchase-check\" href=\"").Append(E(screen.CheckUrl(view.PageUrl))).Append("\">").Append(E(words.CheckAgain)).Append("</a>");
                if (screen.Kind != PurchaseScreenKind.Activating)
                {
                    page.Append("<form method=\"post\"><input type=\"hidden\" name=\"mode\" value=\"abandon\">")
                        .Append("<input type=\"hidden\" name=\"compra\" value=\"").Append(E(screen.Ticket.ToString())).Append("\">")
                        .Append("<button type=\"submit\" class=\"secondary\" id=\"purchase-abandon\">").Append(E(words.Abandon)).Append("</button></form>")
                        .Append("<p class=\"small\">").Append(E(words.AbandonWarning)).Append("</p>");
                }

                break;
            case PurchaseScreenKind.Paid:
                if (view.ContinueUrl is not null)
                {
                    page.Append("<a class=\"btn\" id=\"continue\" href=\"").Append(E(view.ContinueUrl)).Append("\">").Append(E(text.Continue)).Append("</a>");
                }

                break;
            case PurchaseScreenKind.Attention:
                page.Append("<p id=\"purchase-contact\">").Append(E(PortalText.Fill(words.ContactAt, view.Brand?.Name ?? view.Ssid))).Append("</p>");
                page.Append("<a class=\"btn secondary\" id=\"purchase-back\" href=\"").Append(E(view.PageUrl)).Append("\">").Append(E(words.BackToPlans)).Append("</a>");
                break;
            case PurchaseScreenKind.Expired:
                page.Append("<a class=\"btn\" id=\"purchase-back\" href=\"").Append(E(view.PageUrl)).Append("\">").Append(E(words.NewPurchase)).Append("</a>");
                break;
            default:
                page.Append("<a class=\"btn\" id=\"purchase-back\" href=\"").Append(E(view.PageUrl)).Append("\">").Append(E(words.BackToPlans)).Append("</a>");
                break;
        }

        page.Append("</section>");
    }

    private static void Receipt(StringBuilder page, PortalText text, GuestBrand? brand, PurchaseScreen screen)
    {
        var words = text.Purchase.Receipt;
        var compra = screen.Compra;
        var recibo = compra.Recibo;
        (string Label, string? Value)[] rows =
        [
            (words.Business, brand?.Name),
            (words.Folio, recibo?.Folio),
            (words.Plan, compra.Producto.NombreVenta),
            (words.Total, GuestPageFormat.Money(compra.Monto, compra.Moneda)),
            (words.PaidOn, recibo?.FechaPago is { } paid ? GuestPageFormat.Date(paid, brand?.Zone ?? TimeZoneInfo.Utc) : null),
            (words.PaidWith, recibo is null ? null : GuestPageFormat.Provider(recibo.Proveedor)),
            (words.Reference, recibo?.ReferenciaProveedor),
        ];
        page.Append("<dl id=\"receipt\">");
        foreach (var (label, value) in rows.Where(r => !string.IsNullOrEmpty(r.Value)))
        {
            page.Append("<dt>").Append(E(label)).Append("</dt><dd>").Append(E(value!)).Append("</dd>");
        }

        page.Append("</dl>");
    }

    private static void Contact(StringBuilder page, PortalText text, GuestBrand? brand)
    {
        if (brand is not { HasContact: true })
        {
            return;
        }

        var words = text.Purchase;
        page.Append("<footer class=\"contact\" id=\"contact\"><h2>").Append(E(words.ContactTitle)).Append("</h2><p>");
        if (brand.Phone is { } phone)
        {
            page.Append(E(words.Phone)).Append(": <a href=\"tel:").Append(E(GuestBrand.Digits(phone))).Append("\">").Append(E(phone)).Append("</a><br>");
        }

        if (brand.Whatsapp is { } whatsapp)
        {
            page.Append(E(words.Whatsapp)).Append(": <a href=\"https://wa.me/").Append(E(GuestBrand.Digits(whatsapp))).Append("\">").Append(E(whatsapp)).Append("</a><br>");
        }

        if (brand.Email is { } email)
        {
            page.Append(E(words.Email)).Append(": <a href=\"mailto:").Append(E(email)).Append("\">").Append(E(email)).Append("</a>");
        }

        page.Append("</p></footer>");
    }
}
