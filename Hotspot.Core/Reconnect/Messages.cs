namespace Hotspot.Reconnect;

/// <summary>What the portal shows the guest (<c>mensaje</c>), in Spanish as in seed 000.</summary>
public static class Messages
{
    public const string UserNotFound = "Usuario no encontrado";
    public const string InvalidCredentials = "Credenciales inválidas";
    public const string Disabled = "Usuario deshabilitado. Contacte con el establecimiento.";
    public const string TimeExhausted = "El tiempo contratado se ha agotado.";
    public const string DeviceLimit = "Límite de dispositivos alcanzado";
    public const string UsernameIsMac = "La sesión guardada no es válida; inicie sesión de nuevo.";
    public const string NotOnHotspot = "El dispositivo no aparece en la red del hotspot; vuelva a conectarse a la WiFi.";
    public const string MacNotAllowed = "Este dispositivo no está autorizado para este usuario.";
    public const string LoginRejected = "El router rechazó el inicio de sesión.";
    public const string NotVerified = "No se pudo comprobar la sesión en el router; inténtelo de nuevo.";
    public const string Busy = "Otros dispositivos de esta cuenta se están conectando a la vez; inténtelo de nuevo.";
    public const string RouterUnreachable = "No se pudo conectar con el router. Inténtelo de nuevo en unos segundos.";
}
