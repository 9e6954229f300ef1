using System.Text.Json.Nodes;

namespace Hotspot.Http.Contracts;

/// <summary>
/// The seeds' own examples, as the OpenAPI document shows them to integrators. Copied from the seed documents
/// (a test compares each with the seed's text, kept in Hotspot.Tests/OpenApi/SeedFixtures); seed 001's example is garbled in the copy, so its cURL example and
/// field table are what this one is made from.
/// </summary>
public static class SeedExamples
{
    public static JsonNode ReconnectRequest => Parse("""
        {
          "username": "AB3C9D",
          "password": "4821",
          "stored_mac": "AA:BB:CC:DD:EE:FF",
          "current_mac": "11:22:33:44:55:66",
          "current_ip": "192.168.88.175",
          "current_ssid": "WiFi-Cafe"
        }
        """);

    public static JsonNode ReconnectConnected => Parse("""
        {
          "success": true,
          "estado": "activo",
          "auto_conexion": "conectado",
          "datos_sesion": {
            ".id": "*3",
            "name": "AB3C9D_RANDMAC2",
            "profile": "5Mbps-1hora",
            "mac-address": "11:22:33:44:55:66",
            "comment": "MODE=RANDMAC TL=3600 TA=1800",
            "disabled": "no"
          },
          "nueva_mac": "11:22:33:44:55:66",
          "tiempo_acumulado": "00:30:14",
          "tiempo_restante": "00:29:46",
          "primera_sesion": null,
          "mensaje": null,
          "error_detalle": null,
          "timestamp": "2024-07-01T17:00:00.123456"
        }
        """);

    public static JsonNode ReconnectExpired => Parse("""
        {
          "success": false,
          "estado": "expirado",
          "auto_conexion": "no_conectado",
          "datos_sesion": null,
          "nueva_mac": "11:22:33:44:55:66",
          "tiempo_acumulado": null,
          "tiempo_restante": null,
          "primera_sesion": null,
          "mensaje": "Usuario no encontrado",
          "error_detalle": null,
          "timestamp": "2024-07-01T17:05:00.654321"
        }
        """);

    public static JsonNode ReconnectInactiveCompany => Parse("""
        {
          "success": false,
          "estado": "empresa_inactiva",
          "auto_conexion": "no_conectado",
          "datos_sesion": null,
          "nueva_mac": "11:22:33:44:55:66",
          "tiempo_acumulado": null,
          "tiempo_restante": null,
          "primera_sesion": null,
          "mensaje": null,
          "error_detalle": null,
          "timestamp": "2024-07-01T17:10:00.000000"
        }
        """);

    public static JsonNode PortalLoginRequest => Parse("""
        {
          "data": "{\"uid\":\"room_401\",\"ap_mac\":\"aa:bb:cc:dd:ee:ff\",\"mac\":\"11:22:33:44:55:66\",\"ip\":\"192.168.1.100\",\"original_url\":\"https://www.example.com\",\"controller_address\":\"192.168.1.1\",\"session_timeout\":7200,\"idle_timeout\":1800}"
        }
        """);

    public static JsonNode PortalLoginCreated => Parse("""
        {
          "page_id": 12345,
          "original_url": "https://www.example.com",
          "ap_mac": "aa:bb:cc:dd:ee:ff",
          "mac": "11:22:33:44:55:66",
          "ip": "192.168.1.100",
          "uid": "room_401",
          "controller_address": "192.168.1.1",
          "session_timeout": 7200,
          "idle_timeout": 1800
        }
        """);

    public static JsonNode CreateVoucherRequest => Parse("""
        {
          "api-key": "your-api-key",
          "action": "create_voucher",
          "username": "user123",
          "passcode": "pass123",
          "fullname": "John Doe",
          "valid_for": "1 day",
          "valid_from": "2025-01-17 10:00:00",
          "download_limit": 1024,
          "upload_limit": 512
        }
        """);

    public static JsonNode VoucherCreated => Parse("""
        {
          "message": "User added successfully",
          "user": {
            "id": 43,
            "username": "user123",
            "passcode": "pass123",
            "fullname": "John Doe",
            "valid_for": "1 day",
            "valid_from": "2025-01-17 10:00:00",
            "download_limit": "1024",
            "upload_limit": "512"
          },
          "error": false
        }
        """);

    public static JsonNode VoucherRemoved => Parse("""
        {
          "message": "User removed successfully",
          "error": false
        }
        """);

    public static JsonNode ActiveGuests => Parse("""
        {
          "data": [
            {
              "logins": "user1@example.com",
              "address": "192.168.0.200",
              "mac-address": "A1:B2:C3:D4:E5:F6",
              "uptime": "9h12m45s",
              "idle-time": "2h30m10s",
              "bytes-out": "1056738924",
              "bytes-in": "87456321"
            },
            {
              "logins": "15559876543",
              "address": "192.168.0.201",
              "mac-address": "F6:E5:D4:C3:B2:A1",
              "uptime": "12h05m30s",
              "idle-time": "1h15m20s",
              "bytes-out": "2098475632",
              "bytes-in": "156483920"
            }
          ]
        }
        """);

    private static JsonNode Parse(string json) => JsonNode.Parse(json)!;
}
