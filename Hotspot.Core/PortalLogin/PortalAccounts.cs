namespace Hotspot.PortalLogin;

/// <summary>
/// The router account a seed 001 <c>uid</c> is logged in as: portal identities live in their own namespace, so a uid
/// that names a voucher, a purchase's user or an operator's user is another account, never that one (decision 12).
/// Purchase users are letters and digits only and vouchers carry their own comment, so no other account has this form.
/// </summary>
public static class PortalAccounts
{
    public const string Prefix = "portal-";

    public static string For(string uid)
    {
        ArgumentException.ThrowIfNullOrEmpty(uid);
        return Prefix + uid;
    }
}
