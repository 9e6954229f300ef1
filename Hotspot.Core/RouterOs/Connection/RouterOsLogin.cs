using System.Security.Cryptography;
using System.Text;
using Hotspot.RouterOs.Wire;

namespace Hotspot.RouterOs;

/// <summary>
/// Login: name and password first (RouterOS 6.43+); the legacy MD5 challenge only when that reply carries <c>=ret=</c>.
/// Never challenge first: 6.45+ hands out a challenge but rejects the response.
/// </summary>
public static class RouterOsLogin
{
    internal static async Task LoginAsync(Func<IReadOnlyList<string>, Task<RouterOsResponse>> exchange, RouterOsEndpoint endpoint, string password)
    {
        var reply = await exchange(["/login", Words.Attribute("name", endpoint.User), Words.Attribute("password", password)]);
        ThrowIfRefused(reply, endpoint);
        if (reply.Ret is { Length: 32 } challenge)
        {
            var response = await exchange(["/login", Words.Attribute("name", endpoint.User), Words.Attribute("response", ChallengeResponse(password, challenge))]);
            ThrowIfRefused(response, endpoint);
        }
    }

    /// <summary>"00" and the lowercase hex MD5 of a zero byte, the password and the 16 challenge bytes.</summary>
    public static string ChallengeResponse(string password, string challenge)
    {
        var passwordBytes = Encoding.UTF8.GetBytes(password);
        var input = new byte[1 + passwordBytes.Length + 16];
        passwordBytes.CopyTo(input, 1);
        Convert.FromHexString(challenge).CopyTo(input, 1 + passwordBytes.Length);
#pragma warning disable CA5351 // The legacy RouterOS login is defined with MD5; it is used only when the router asks for it.
        return "00" + Convert.ToHexStringLower(MD5.HashData(input));
#pragma warning restore CA5351
    }

    private static void ThrowIfRefused(RouterOsResponse reply, RouterOsEndpoint endpoint)
    {
        if (!reply.Succeeded)
        {
            throw RouterOsTransport.Failed(endpoint, RouterOsFailure.Login,
                $"login as '{endpoint.User}' refused: {reply.Traps[0].Message}", new RouterOsTrapException("/login", reply.Traps));
        }
    }
}
