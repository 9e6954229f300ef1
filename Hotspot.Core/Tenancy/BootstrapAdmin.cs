using Hotspot.Auth;
using Hotspot.Hosting;
using Hotspot.Secrets;
using Hotspot.Storage;
using Hotspot.Tenancy.Entities;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Hotspot.Tenancy;

/// <summary>
/// Creates the first super_admin at startup when <c>Hotspot:Bootstrap:AdminEmail</c> is set and none exists. The
/// password comes from <c>Hotspot:Bootstrap:AdminPassword</c> (DevHost) or the one-time secret
/// <c>bootstrap-admin-password</c> (Azure), which is deleted once used. No default password exists anywhere.
/// </summary>
public sealed class BootstrapAdmin(
    IConfiguration configuration,
    UsuarioStore usuarios,
    ISecretStore secrets,
    PasswordHasher hasher,
    TimeProvider time,
    ILogger<BootstrapAdmin> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var email = configuration[ConfigurationKeys.BootstrapAdminEmail];
        if (string.IsNullOrWhiteSpace(email))
        {
            return;
        }

        try
        {
            await CreateFirstSuperAdminAsync(email, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Could not bootstrap the first super_admin; it is tried again at the next start.");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task CreateFirstSuperAdminAsync(string email, CancellationToken cancellationToken)
    {
        if (!Validation.IsEmail(email))
        {
            logger.LogError("{Key} is not a valid email address; no super_admin was created.", ConfigurationKeys.BootstrapAdminEmail);
            return;
        }

        if (await usuarios.AnySuperAdminAsync(cancellationToken))
        {
            return;
        }

        var configured = configuration[ConfigurationKeys.BootstrapAdminPassword];
        var password = string.IsNullOrEmpty(configured) ? await secrets.GetAsync(SecretNames.BootstrapAdminPassword, cancellationToken) : configured;
        if (string.IsNullOrEmpty(password) || password.Length < PasswordHasher.MinimumLength)
        {
            logger.LogWarning(
                "No super_admin exists. Set the secret {Secret} (at least {Length} characters) and restart to create {Email}.",
                SecretNames.BootstrapAdminPassword, PasswordHasher.MinimumLength, email);
            return;
        }

        try
        {
            await usuarios.CreateAsync(
                new UsuarioEntity
                {
                    Email = email,
                    Nombre = "Administrador",
                    Rol = Roles.SuperAdmin,
                    Activo = true,
                    PasswordHash = hasher.Hash(password),
                    CreadoEn = time.GetUtcNow(),
                },
                cancellationToken);
            logger.LogInformation("Created the first super_admin, {Email}.", email);
        }
        catch (EntityAlreadyExistsException)
        {
            // Another instance created it at the same moment.
        }

        if (string.IsNullOrEmpty(configured))
        {
            await secrets.DeleteAsync(SecretNames.BootstrapAdminPassword, cancellationToken);
        }
    }
}
