using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Hotspot.ExternalPortal;

/// <summary>What the guest portal page shows: the accept form, a message, or a continue link.</summary>
/// <remarks>The form has no action: it posts back to the page's own URL, query (the redirect's ap, id, url...) included.</remarks>
/// <param name="FreeMinutes">Minutes offered for accepting the terms; 0 hides that form.</param>
public sealed record PortalView(string Ssid, string? Message = null, bool ShowForm = false, int FreeMinutes = 0, string? ContinueUrl = null);

/// <summary>
/// The guest portal's HTML: one small server-rendered page, no JavaScript, readable on a phone. Every value from the
/// request is HTML-encoded.
/// </summary>
internal static class PortalPage
{
    // Spanish text stays readable in the source of the page; markup characters are still encoded.
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    public static IResult Render(PortalText text, PortalView view, int statusCode = StatusCodes.Status200OK)
    {
        var html = Html;
        var page = new StringBuilder();
        page.Append("<!doctype html><html lang=\"").Append(text.Lang).Append("\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>").Append(html.Encode(text.Title)).Append("</title><style>")
            .Append("body{font-family:system-ui,sans-serif;margin:0;padding:1.5rem;background:#f4f6f8;color:#1d2733}")
            .Append("main{max-width:28rem;margin:0 auto;background:#fff;border-radius:12px;padding:1.5rem;box-shadow:0 1px 4px #0002}")
            .Append("label{display:block;margin-top:.75rem}input{display:block;width:100%;box-sizing:border-box;padding:.75rem;font-size:1.1rem;margin-top:.25rem}")
            .Append(".voucher{margin-top:1.5rem;border-top:1px solid #dde3ea;padding-top:.5rem}")
            .Append("h1{font-size:1.4rem;margin-top:0}p{line-height:1.5}.msg{padding:.75rem;border-radius:8px;background:#fdecea;color:#8a1c12}")
            .Append("button,a.btn{display:block;width:100%;box-sizing:border-box;padding:1rem;font-size:1.1rem;border:0;border-radius:8px;")
            .Append("background:#0b6bcb;color:#fff;text-align:center;text-decoration:none;margin-top:1rem}")
            .Append("</style></head><body><main><h1>").Append(html.Encode(PortalText.Fill(text.Welcome, view.Ssid))).Append("</h1>");
        if (view.Message is not null)
        {
            page.Append("<p class=\"msg\" role=\"alert\" id=\"message\">").Append(html.Encode(view.Message)).Append("</p>");
        }

        if (view.ShowForm && view.FreeMinutes > 0)
        {
            page.Append("<p>").Append(html.Encode(PortalText.Fill(text.FreeAccess, view.FreeMinutes))).Append("</p><form method=\"post\">")
                .Append("<input type=\"hidden\" name=\"mode\" value=\"accept\">")
                .Append("<button type=\"submit\" id=\"accept\">").Append(html.Encode(text.Accept)).Append("</button></form>");
        }

        if (view.ShowForm)
        {
            var voucher = text.Voucher;
            page.Append("<form method=\"post\" class=\"voucher\"><p>").Append(html.Encode(voucher.Prompt)).Append("</p>")
                .Append("<input type=\"hidden\" name=\"mode\" value=\"voucher\">")
                .Append("<label>").Append(html.Encode(voucher.Username))
                .Append("<input name=\"username\" id=\"voucher-username\" required maxlength=\"64\" autocomplete=\"username\" autocapitalize=\"none\" spellcheck=\"false\"></label>")
                .Append("<label>").Append(html.Encode(voucher.Passcode))
                .Append("<input name=\"passcode\" id=\"voucher-passcode\" required maxlength=\"64\" autocomplete=\"one-time-code\" autocapitalize=\"none\" spellcheck=\"false\"></label>")
                .Append("<button type=\"submit\" id=\"redeem\">").Append(html.Encode(voucher.Submit)).Append("</button></form>");
        }

        if (view.ContinueUrl is not null)
        {
            page.Append("<a class=\"btn\" id=\"continue\" href=\"").Append(html.Encode(view.ContinueUrl)).Append("\">").Append(html.Encode(text.Continue)).Append("</a>");
        }

        page.Append("</main></body></html>");
        return Results.Content(page.ToString(), "text/html; charset=utf-8", Encoding.UTF8, statusCode);
    }
}
