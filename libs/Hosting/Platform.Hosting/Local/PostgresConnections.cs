using Npgsql;
using Platform.Hosting.ApplicationModel;

namespace Platform.Hosting.Local;

/// <summary>Connections the runner itself opens: over TCP with the password, exactly as the services will.</summary>
internal static class PostgresConnections
{
    public static string Tcp(LocalContext context, PostgresServerResource server, string database) =>
        new NpgsqlConnectionStringBuilder(context.Values.Resolve(server.ConnectionStringExpression))
        {
            Database = database,
            Pooling = false,
            Timeout = 5,
            CommandTimeout = 30,
        }.ConnectionString;
}
