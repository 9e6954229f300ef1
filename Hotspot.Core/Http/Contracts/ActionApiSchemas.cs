using System.Text.Json.Nodes;

namespace Hotspot.Http.Contracts;

/// <summary>Seed 002 speaks in loose dictionaries, not records: its request and answers described by hand.</summary>
public static class ActionApiSchemas
{
    public static JsonObject Request => new()
    {
        ["type"] = "object",
        ["required"] = new JsonArray("action"),
        ["properties"] = new JsonObject
        {
            ["api-key"] = Text("The router's API key (or send it as X-API-Key)."),
            ["action"] = new JsonObject
            {
                ["type"] = "string",
                ["enum"] = new JsonArray("create_voucher", "remove_voucher", "get_voucher_users", "get_email_users", "get_fb_users",
                    "get_mobile_users", "get_free_users", "get_logins", "get_guest_hosts", "get_active_guests"),
            },
            ["username"] = Text("create_voucher, remove_voucher: the voucher's username."),
            ["passcode"] = Text("create_voucher: the passcode (random when empty)."),
            ["fullname"] = Text("create_voucher: the guest's name."),
            ["valid_for"] = Text("create_voucher: 'always', '1 hour' … '23 hours', '1 day' … '30 days', '35 days' … '365 days'."),
            ["valid_from"] = Text("create_voucher: 'YYYY-MM-DD HH:MM:SS'."),
            ["download_limit"] = new JsonObject { ["type"] = new JsonArray("integer", "string"), ["description"] = "MB, 1 to 9437184." },
            ["upload_limit"] = new JsonObject { ["type"] = new JsonArray("integer", "string"), ["description"] = "MB, 1 to 9437184." },
            ["limit"] = new JsonObject { ["type"] = new JsonArray("integer", "string"), ["description"] = "Lists: 1 to 500, default 50." },
            ["offset"] = new JsonObject { ["type"] = new JsonArray("integer", "string"), ["description"] = "Lists: items to skip." },
        },
    };

    /// <summary><c>{"message", "error"}</c>, with <c>user</c> after a create and <c>detail</c> on some failures; or a list under its seed name.</summary>
    public static JsonObject Answer => new()
    {
        ["type"] = "object",
        ["properties"] = new JsonObject
        {
            ["message"] = Text("One of seed 002's messages, to the letter."),
            ["error"] = new JsonObject { ["type"] = "boolean" },
            ["detail"] = Text("What went wrong, where the seed's message alone does not say."),
            ["user"] = new JsonObject { ["type"] = "object" },
        },
        ["additionalProperties"] = new JsonObject
        {
            ["type"] = "array",
            ["description"] = "A list action's rows, under the seed's name (users, data).",
            ["items"] = new JsonObject { ["type"] = "object" },
        },
    };

    private static JsonObject Text(string description) => new() { ["type"] = "string", ["description"] = description };
}
