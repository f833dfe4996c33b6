using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Npgsql;
using Platform.Agents.V1;
using Platform.Postgres.Resilience;

namespace Platform.Agents.Types;

/// <summary>Custom agent types in <c>agents.agent_types</c> (built-in types are code, never stored).</summary>
public sealed class AgentTypeStore(NpgsqlDataSource dataSource, IPostgresResilience resilience)
{
    public async Task<AgentType?> GetAsync(string name, CancellationToken cancellationToken) =>
        await resilience.ExecuteAsync(async ct =>
        {
            await using var command = dataSource.CreateCommand("SELECT definition, etag, create_time, update_time FROM agents.agent_types WHERE name = @name");
            command.Parameters.AddWithValue("name", name);
            await using var reader = await command.ExecuteReaderAsync(ct);
            return await reader.ReadAsync(ct) ? Read(reader) : null;
        }, idempotent: true, cancellationToken);

    /// <summary>Custom types ordered by name, after <paramref name="afterName"/>.</summary>
    public async Task<IReadOnlyList<AgentType>> ListAsync(string afterName, int limit, CancellationToken cancellationToken) =>
        await resilience.ExecuteAsync(async ct =>
        {
            await using var command = dataSource.CreateCommand(
                "SELECT definition, etag, create_time, update_time FROM agents.agent_types WHERE name > @after ORDER BY name LIMIT @limit");
            command.Parameters.AddWithValue("after", afterName);
            command.Parameters.AddWithValue("limit", limit);
            var types = new List<AgentType>();
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
                types.Add(Read(reader));
            return (IReadOnlyList<AgentType>)types;
        }, idempotent: true, cancellationToken);

    /// <summary>Inserts a new type; false when one with that name already exists.</summary>
    public async Task<bool> InsertAsync(AgentType type, DateTime now, CancellationToken cancellationToken) =>
        await resilience.ExecuteAsync(async ct =>
        {
            await using var command = dataSource.CreateCommand("""
                INSERT INTO agents.agent_types (name, definition, etag, create_time, update_time) VALUES (@name, @definition, @etag, @now, @now)
                ON CONFLICT (name) DO NOTHING
                """);
            AddDefinition(command, type, now);
            return await command.ExecuteNonQueryAsync(ct) == 1;
        }, idempotent: true, cancellationToken);

    /// <summary>Replaces a type if its stored etag is still <paramref name="expectedEtag"/>; false on a concurrent change.</summary>
    public async Task<bool> ReplaceAsync(AgentType type, string expectedEtag, DateTime now, CancellationToken cancellationToken) =>
        await resilience.ExecuteAsync(async ct =>
        {
            await using var command = dataSource.CreateCommand("""
                UPDATE agents.agent_types SET definition = @definition, etag = @etag, update_time = @now WHERE name = @name AND etag = @expected
                """);
            AddDefinition(command, type, now);
            command.Parameters.AddWithValue("expected", expectedEtag);
            return await command.ExecuteNonQueryAsync(ct) == 1;
        }, idempotent: true, cancellationToken);

    private static void AddDefinition(NpgsqlCommand command, AgentType type, DateTime now)
    {
        var definition = type.Clone();
        definition.CreateTime = null;
        definition.UpdateTime = null;
        definition.Etag = "";
        command.Parameters.AddWithValue("name", type.Name);
        command.Parameters.AddWithValue("definition", definition.ToByteArray());
        command.Parameters.AddWithValue("etag", type.Etag);
        command.Parameters.AddWithValue("now", now);
    }

    private static AgentType Read(NpgsqlDataReader reader)
    {
        var type = AgentType.Parser.ParseFrom(reader.GetFieldValue<byte[]>(0));
        type.Etag = reader.GetString(1);
        type.CreateTime = Timestamp.FromDateTime(reader.GetDateTime(2));
        type.UpdateTime = Timestamp.FromDateTime(reader.GetDateTime(3));
        return type;
    }
}
