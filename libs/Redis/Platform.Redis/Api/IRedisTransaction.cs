namespace Platform.Redis;

/// <summary>
/// Commands queued for one MULTI/EXEC. Their results complete only after <see cref="ExecuteAsync(CancellationToken)"/>,
/// so await them after it, never before. If Redis rejects a queued command (EXECABORT) nothing runs:
/// ExecuteAsync throws and each queued command fails with its own error.
/// </summary>
public interface IRedisTransaction : IRedisCommands
{
    /// <summary>Sends MULTI, the queued commands and EXEC as one contiguous write; true when EXEC ran them.</summary>
    ValueTask<bool> ExecuteAsync(CancellationToken cancellationToken = default);
}
