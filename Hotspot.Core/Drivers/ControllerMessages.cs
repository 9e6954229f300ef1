namespace Hotspot.Drivers;

/// <summary>What a <see cref="ControllerError"/> means, in words for an operator of the Spanish-speaking admin API.</summary>
public static class ControllerMessages
{
    public static string Spanish(ControllerError error) => error switch
    {
        ControllerError.UnknownSite => "El controlador no tiene ese sitio.",
        ControllerError.DeviceNotFound => "El dispositivo no está conectado al controlador.",
        ControllerError.NotAGuest => "El dispositivo no está en una red con portal cautivo (no es invitado).",
        ControllerError.GuestRejected => "El controlador rechazó el acceso del dispositivo (cuenta deshabilitada, límite alcanzado o MAC no permitida).",
        ControllerError.LimitOutOfRange => "Un límite de tiempo, datos o velocidad está fuera del rango que acepta el controlador.",
        ControllerError.InvalidArgument => "Un dato de la petición no es válido.",
        ControllerError.CredentialsRejected => "El controlador rechazó las credenciales (usuario, contraseña o API key).",
        ControllerError.Unavailable => "El controlador no respondió a tiempo o está fallando; inténtelo más tarde.",
        ControllerError.TlsFailure => "El certificado TLS del controlador no es de confianza o no coincide con la huella configurada.",
        _ => "El controlador respondió algo inesperado; revise la URL y la versión.",
    };
}
