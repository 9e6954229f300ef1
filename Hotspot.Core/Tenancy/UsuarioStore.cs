using Azure;
using Azure.Data.Tables;
using Hotspot.Storage;
using Hotspot.Tenancy.Entities;

namespace Hotspot.Tenancy;

/// <summary>Admin users and their unique email index, always written together in one transaction.</summary>
public sealed class UsuarioStore(TableStore store, IdAllocator ids, TenancyCache cache)
{
    private readonly TableRepository<UsuarioEntity> _usuarios = store.Repository<UsuarioEntity>(TableNames.Usuarios);
    private readonly TableRepository<UsuarioEmailEntity> _emails = store.Repository<UsuarioEmailEntity>(TableNames.Usuarios);

    public Task<UsuarioEntity?> GetAsync(long id, CancellationToken cancellationToken) =>
        _usuarios.GetAsync(UsuarioEntity.Partition, UsuarioEntity.RowFor(id), cancellationToken);

    public async Task<UsuarioEntity?> FindByEmailAsync(string email, CancellationToken cancellationToken)
    {
        var index = await _emails.GetAsync(UsuarioEntity.Partition, UsuarioEmailEntity.RowFor(Validation.NormalizeEmail(email)), cancellationToken);
        return index is null ? null : await GetAsync(index.UserId, cancellationToken);
    }

    /// <summary>Creates the user; a taken email throws <see cref="EntityAlreadyExistsException"/> and writes nothing.</summary>
    public async Task<UsuarioEntity> CreateAsync(UsuarioEntity usuario, CancellationToken cancellationToken)
    {
        usuario.Id = await ids.NextAsync("usuario", cancellationToken);
        usuario.PartitionKey = UsuarioEntity.Partition;
        usuario.RowKey = UsuarioEntity.RowFor(usuario.Id);
        usuario.Email = Validation.NormalizeEmail(usuario.Email);
        await _usuarios.SubmitAsync(
            [
                new TableTransactionAction(TableTransactionActionType.Add, usuario),
                new TableTransactionAction(TableTransactionActionType.Add, EmailIndex(usuario.Email, usuario.Id)),
            ],
            cancellationToken);
        return usuario;
    }

    /// <summary>
    /// Saves <paramref name="usuario"/> if unchanged since read (else <see cref="ConcurrencyConflictException"/>); when
    /// the email changed, the old index row goes and the new one comes in the same transaction.
    /// </summary>
    public async Task UpdateAsync(UsuarioEntity usuario, string previousEmail, CancellationToken cancellationToken)
    {
        usuario.Email = Validation.NormalizeEmail(usuario.Email);
        var actions = new List<TableTransactionAction> { new(TableTransactionActionType.UpdateReplace, usuario, usuario.ETag) };
        if (usuario.Email != previousEmail)
        {
            actions.Add(new(TableTransactionActionType.Delete, new UsuarioEmailEntity { PartitionKey = UsuarioEntity.Partition, RowKey = UsuarioEmailEntity.RowFor(previousEmail) }, ETag.All));
            actions.Add(new(TableTransactionActionType.Add, EmailIndex(usuario.Email, usuario.Id)));
        }

        await _usuarios.SubmitAsync(actions, cancellationToken);
        cache.UsuarioChanged(usuario.Id);
    }

    public Task<TablePage<UsuarioEntity>> PageAsync(int limit, string? continuationToken, CancellationToken cancellationToken) =>
        _usuarios.QueryPageAsync(UsuarioEntity.Partition, limit, continuationToken, cancellationToken, "RowKey ge 'id:' and RowKey lt 'id;'");

    /// <summary>A page of one company's users of one role.</summary>
    public Task<TablePage<UsuarioEntity>> PageAsync(long empresaId, string rol, int limit, string? continuationToken, CancellationToken cancellationToken) =>
        _usuarios.QueryPageAsync(
            UsuarioEntity.Partition, limit, continuationToken, cancellationToken,
            TableClient.CreateQueryFilter($"RowKey ge {"id:"} and RowKey lt {"id;"} and Rol eq {rol} and EmpresaId eq {empresaId}"));

    public async Task<bool> AnySuperAdminAsync(CancellationToken cancellationToken)
    {
        await foreach (var _ in _usuarios.StreamPartitionAsync(
                           UsuarioEntity.Partition, cancellationToken, $"RowKey ge 'id:' and RowKey lt 'id;' and Rol eq '{Auth.Roles.SuperAdmin}'"))
        {
            return true;
        }

        return false;
    }

    private static UsuarioEmailEntity EmailIndex(string normalizedEmail, long userId) =>
        new() { PartitionKey = UsuarioEntity.Partition, RowKey = UsuarioEmailEntity.RowFor(normalizedEmail), UserId = userId };
}
