using System.Text.RegularExpressions;
using Hotspot.Http;
using Hotspot.Tenancy;

namespace Hotspot.Branding;

/// <summary>The brand's rules: colours only as <c>#rrggbb</c> (they reach CSS), phones as digits, terms bounded.</summary>
public static partial class MarcaValidation
{
    public const int MaxTerminos = 4000;

    public static readonly string[] Idiomas = ["es", "en"];

    public static FieldErrors Validate(MarcaRequest request)
    {
        var errors = new FieldErrors();
        if (request.NombreComercial is not null && (request.NombreComercial.Trim().Length > 200 || request.NombreComercial.Any(char.IsControl)))
        {
            errors.Add("nombre_comercial", "Hasta 200 caracteres imprimibles.");
        }

        Color(errors, "color_primario", request.ColorPrimario);
        Color(errors, "color_secundario", request.ColorSecundario);
        Phone(errors, "telefono", request.Telefono);
        Phone(errors, "whatsapp", request.Whatsapp);
        if (!string.IsNullOrEmpty(request.Email) && !Validation.IsEmail(request.Email))
        {
            errors.Add("email", "No es una dirección de correo válida.");
        }

        if (request.Terminos is not null && (request.Terminos.Length > MaxTerminos || request.Terminos.Any(c => char.IsControl(c) && c is not '\n' and not '\r')))
        {
            errors.Add("terminos", $"Hasta {MaxTerminos} caracteres imprimibles.");
        }

        if (!string.IsNullOrEmpty(request.Idioma) && !Idiomas.Contains(request.Idioma))
        {
            errors.Add("idioma", "Debe ser es o en.");
        }

        return errors;
    }

    private static void Color(FieldErrors errors, string field, string? value)
    {
        if (!string.IsNullOrEmpty(value) && !ColorPattern().IsMatch(value))
        {
            errors.Add(field, "Debe ser un color #rrggbb.");
        }
    }

    private static void Phone(FieldErrors errors, string field, string? value)
    {
        if (!string.IsNullOrEmpty(value) && !PhonePattern().IsMatch(value.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal)))
        {
            errors.Add(field, "Debe ser un número de teléfono: + opcional y de 7 a 15 dígitos (se admiten espacios y guiones).");
        }
    }

    [GeneratedRegex("^#[0-9a-fA-F]{6}$", RegexOptions.CultureInvariant)]
    private static partial Regex ColorPattern();

    [GeneratedRegex(@"^\+?[0-9]{7,15}$", RegexOptions.CultureInvariant)]
    private static partial Regex PhonePattern();
}
