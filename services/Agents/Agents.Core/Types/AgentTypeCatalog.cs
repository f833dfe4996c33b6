using System.Collections.Concurrent;
using Google.Protobuf.WellKnownTypes;
using Platform.Agents.Domain;
using Platform.Agents.V1;

namespace Platform.Agents.Types;

/// <summary>
/// Built-in and custom agent types behind one API. Custom types are read through a short-lived cache
/// (a few seconds), so a burst of submissions does not read the same row thousands of times; tasks copy
/// the type at submission, so a later change never alters a task that is already queued or running.
/// </summary>
public sealed class AgentTypeCatalog(AgentTypeStore store, TimeProvider time)
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(3);
    private static readonly Timestamp BuiltInTime = Timestamp.FromDateTime(new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc));
    private readonly ConcurrentDictionary<string, (AgentType? Type, DateTime Until)> _cache = new(StringComparer.Ordinal);

    public async Task<AgentType> GetAsync(string name, CancellationToken cancellationToken)
    {
        if (BuiltInAgentTypes.All.TryGetValue(name, out var builtIn))
            return WithOutputFields(builtIn);
        var now = time.GetUtcNow().UtcDateTime;
        if (!_cache.TryGetValue(name, out var cached) || cached.Until < now)
        {
            cached = (await store.GetAsync(name, cancellationToken), now + CacheFor);
            _cache[name] = cached;
        }
        return cached.Type ?? throw AgentsException.NotFound(ErrorReasons.AgentTypeNotFound, $"Agent type '{name}' does not exist.");
    }

    /// <summary>One page of all types ordered by name; the token is the last name returned.</summary>
    public async Task<(IReadOnlyList<AgentType> Types, string NextAfter)> ListAsync(string afterName, int pageSize, CancellationToken cancellationToken)
    {
        var custom = await store.ListAsync(afterName, pageSize + 1, cancellationToken);
        var merged = BuiltInAgentTypes.All.Values.Where(t => string.CompareOrdinal(t.Name, afterName) > 0).Select(WithOutputFields)
            .Concat(custom)
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .Take(pageSize + 1)
            .ToList();
        var more = merged.Count > pageSize;
        if (more)
            merged.RemoveAt(merged.Count - 1);
        return (merged, more ? merged[^1].Name : "");
    }

    /// <summary>Registers or replaces a custom type (see RegisterAgentType's rules); returns the stored type and whether it changed.</summary>
    public async Task<(AgentType Type, bool Created)> RegisterAsync(AgentType? requested, bool allowOverwrite, CancellationToken cancellationToken)
    {
        AgentTypeRules.Validate(requested);
        if (BuiltInAgentTypes.IsBuiltIn(requested!.Name))
            throw AgentsException.Precondition(ErrorReasons.BuiltinAgentType, $"'{requested.Name}' is a built-in agent type and cannot be registered or overwritten.");
        var input = requested.Clone();
        input.Builtin = false;
        var normalized = AgentTypeRules.Normalize(input);
        normalized.Etag = AgentTypeRules.Etag(normalized);
        var now = time.GetUtcNow().UtcDateTime;

        for (var attempt = 0; attempt < 3; attempt++)
        {
            var existing = await store.GetAsync(normalized.Name, cancellationToken);
            if (existing is null)
            {
                if (await store.InsertAsync(normalized, now, cancellationToken))
                    return (await StoredAsync(normalized.Name, cancellationToken), true);
                continue; // someone registered it meanwhile: decide against theirs
            }
            if (AgentTypeRules.SameDefinition(existing, normalized))
                return (existing, false);
            if (!allowOverwrite)
                throw AgentsException.Exists(ErrorReasons.AgentTypeExists,
                    $"Agent type '{normalized.Name}' exists with a different definition; set allow_overwrite to replace it.");
            if (requested.Etag.Length > 0 && requested.Etag != existing.Etag)
                throw new AgentsException(AgentsErrorKind.Aborted, ErrorReasons.EtagMismatch,
                    $"Agent type '{normalized.Name}' changed since etag {requested.Etag} (now {existing.Etag}); re-read and retry.");
            if (await store.ReplaceAsync(normalized, existing.Etag, now, cancellationToken))
                return (await StoredAsync(normalized.Name, cancellationToken), true);
            if (requested.Etag.Length > 0)
                throw new AgentsException(AgentsErrorKind.Aborted, ErrorReasons.EtagMismatch, $"Agent type '{normalized.Name}' changed concurrently; re-read and retry.");
        }
        throw new AgentsException(AgentsErrorKind.Aborted, ErrorReasons.EtagMismatch, $"Agent type '{normalized.Name}' keeps changing concurrently; retry.");
    }

    private async Task<AgentType> StoredAsync(string name, CancellationToken cancellationToken)
    {
        var stored = await store.GetAsync(name, cancellationToken) ?? throw new InvalidOperationException($"Agent type '{name}' vanished after it was written.");
        _cache[name] = (stored, time.GetUtcNow().UtcDateTime + CacheFor);
        return stored;
    }

    private static AgentType WithOutputFields(AgentType builtIn)
    {
        var type = builtIn.Clone();
        type.CreateTime = BuiltInTime;
        type.UpdateTime = BuiltInTime;
        type.Etag = AgentTypeRules.Etag(builtIn);
        return type;
    }
}
