using Microsoft.Extensions.Options;

namespace Hotspot.Auth;

/// <summary>bcrypt for admin passwords. An unknown account is checked against a dummy hash, so that timing does not tell whether an email exists.</summary>
public sealed class PasswordHasher(IOptions<AuthOptions> options)
{
    public const int MinimumLength = 10;

    private readonly Lazy<string> _dummyHash = new(() => BCrypt.Net.BCrypt.HashPassword(Guid.NewGuid().ToString(), options.Value.BcryptCost));

    public string Hash(string password) => BCrypt.Net.BCrypt.HashPassword(password, options.Value.BcryptCost);

    public bool Verify(string password, string? hash)
    {
        if (hash is null)
        {
            BCrypt.Net.BCrypt.Verify(password, _dummyHash.Value);
            return false;
        }

        try
        {
            return BCrypt.Net.BCrypt.Verify(password, hash);
        }
        catch (BCrypt.Net.SaltParseException)
        {
            return false;
        }
    }
}
