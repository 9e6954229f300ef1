using System.Globalization;
using Microsoft.Net.Http.Headers;

namespace Hotspot.ExternalPortal;

/// <summary>The guest portal's words in Spanish (the default) and English, chosen by <c>Accept-Language</c>.</summary>
public sealed record PortalText(
    string Lang,
    string Title,
    string Welcome,
    string FreeAccess,
    string Accept,
    string Online,
    string Continue,
    string Pending,
    string BadDevice,
    string UnknownRouter,
    string UnknownSite,
    string NotConnected,
    string NotAGuest,
    string Unavailable,
    string Failed,
    VoucherText Voucher)
{
    public static readonly PortalText Spanish = new(
        "es", "Acceso a internet", "Bienvenido a {0}", "Acepte los términos de uso para navegar gratis durante {0} minutos.",
        "Aceptar y conectar", "Ya tiene acceso a internet.", "Continuar", "Su acceso se está activando; espere unos segundos y continúe.",
        "El enlace no identifica su dispositivo (falta la MAC o no es válida). Vuelva a conectarse a la red WiFi.",
        "Este portal no está configurado para esta red.", "Esta red no está configurada en el controlador.",
        "Su dispositivo no aparece conectado a la red. Vuelva a conectarse a la red WiFi e inténtelo de nuevo.",
        "Su dispositivo no está en la red de invitados.", "El controlador de la red no responde; inténtelo en un momento.",
        "No se pudo dar acceso a su dispositivo; avise al personal del lugar.",
        new VoucherText(
            "¿Tiene un voucher? Escriba su usuario y su código.", "Usuario", "Código", "Conectar con voucher",
            "El usuario o el código del voucher no son correctos.", "Este voucher todavía no es válido; inténtelo más tarde.",
            "Este voucher ya venció.", "Demasiados intentos fallidos; espere unos minutos e inténtelo de nuevo.",
            "El formulario no es válido; vuelva a abrir la página.", "El acceso gratuito no está disponible en esta red; use un voucher."));

    public static readonly PortalText English = new(
        "en", "Internet access", "Welcome to {0}", "Accept the terms of use to browse for free for {0} minutes.",
        "Accept and connect", "You are online.", "Continue", "Your access is being activated; wait a few seconds and continue.",
        "The link does not identify your device (its MAC is missing or invalid). Reconnect to the WiFi network.",
        "This portal is not set up for this network.", "This network is not set up on the controller.",
        "Your device does not appear connected to the network. Reconnect to the WiFi network and try again.",
        "Your device is not on the guest network.", "The network controller is not answering; try again in a moment.",
        "Your device could not be given access; please tell the staff.",
        new VoucherText(
            "Have a voucher? Enter its username and code.", "Username", "Code", "Connect with voucher",
            "The voucher's username or code is not right.", "This voucher is not valid yet; try again later.",
            "This voucher has expired.", "Too many failed attempts; wait a few minutes and try again.",
            "The form is not valid; open the page again.", "Free access is not offered on this network; use a voucher."));

    /// <summary>The best of Spanish and English for the request; Spanish when it states neither.</summary>
    public static PortalText For(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var languages = request.GetTypedHeaders().AcceptLanguage
            .Where(l => l.Quality is not 0)
            .OrderByDescending(l => l.Quality ?? 1);
        foreach (var language in languages)
        {
            var tag = language.Value.Value ?? "";
            if (tag.StartsWith("es", StringComparison.OrdinalIgnoreCase))
            {
                return Spanish;
            }

            if (tag.StartsWith("en", StringComparison.OrdinalIgnoreCase))
            {
                return English;
            }
        }

        return Spanish;
    }

    public static string Fill(string template, object value) => string.Format(CultureInfo.InvariantCulture, template, value);
}

/// <summary>The portal's voucher form and what it answers.</summary>
public sealed record VoucherText(
    string Prompt,
    string Username,
    string Passcode,
    string Submit,
    string Invalid,
    string NotYetValid,
    string Expired,
    string Throttled,
    string BadForm,
    string NoFreeAccess);
