using System.Text.RegularExpressions;
using Hotspot.Branding;

namespace Hotspot.ExternalPortal;

/// <summary>
/// The venue's brand as the guest page renders it: the effective brand's values, colours checked again to be
/// <c>#rrggbb</c> (they go into CSS), the logo only when it is a path on our own origin, and the company's time zone
/// (its receipts' dates).
/// </summary>
public sealed partial record GuestBrand(
    string Name, string? Primary, string? Secondary, string? Phone, string? Whatsapp, string? Email, string? Terms, string Idioma, string? LogoPath,
    TimeZoneInfo Zone)
{
    public bool HasContact => Phone is not null || Whatsapp is not null || Email is not null;

    public static GuestBrand From(MarcaPublica marca, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(marca);
        return new GuestBrand(
            marca.NombreComercial, Colour(marca.ColorPrimario), Colour(marca.ColorSecundario), Blank(marca.Telefono), Blank(marca.Whatsapp),
            Blank(marca.Email), Blank(marca.Terminos), marca.Idioma, OwnPath(LogoOf(marca)), zone);
    }

    /// <summary>Digits only, for <c>tel:</c> and <c>wa.me</c> links.</summary>
    public static string Digits(string text) => string.Concat((text ?? "").Where(char.IsAsciiDigit));

    // The logo's URL is built from our public address; the page, served by us too, loads it by its path on this origin.
    private static string? LogoOf(MarcaPublica marca) =>
        Uri.TryCreate(marca.LogoUrl, UriKind.Absolute, out var url) && url.Scheme is "https" or "http" ? url.PathAndQuery : null;

    private static string? Colour(string? value) => value is not null && HexColour().IsMatch(value) ? value : null;

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    // Served by us: a path on this origin, never another host (no third party sees the guests).
    private static string? OwnPath(string? url) =>
        url is { Length: > 1 } && url[0] == '/' && url[1] != '/' && url[1] != '\\' && Uri.TryCreate(url, UriKind.Relative, out _) ? url : null;

    [GeneratedRegex("^#[0-9a-fA-F]{6}$")]
    private static partial Regex HexColour();
}
