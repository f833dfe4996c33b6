namespace Platform.Hosting.ApplicationModel;

/// <summary>A PostgreSQL server: the machine's binaries as the <c>postgres</c> user when run, the official image when published.</summary>
public sealed class PostgresServerResource(string name, ParameterResource password)
    : Resource(name), IResourceWithConnectionString, IResourceWithEndpoints, IResourceWithWaitSupport
{
    public const string EndpointName = "tcp";
    public const int DefaultPort = 5432;
    public const string Image = "docker.io/library/postgres";
    public const string ImageTag = "17.6";

    private readonly List<PostgresDatabaseResource> _databases = [];

    public string UserName => "postgres";

    public ParameterResource Password { get; internal set; } = password;

    public IReadOnlyList<PostgresDatabaseResource> Databases => _databases;

    public EndpointReference Endpoint => new(this, EndpointName);

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"Host={Endpoint.WithProperty(EndpointProperty.Host)};Port={Endpoint.WithProperty(EndpointProperty.Port)};Username={UserName};Password={Password}");

    internal void AddDatabase(PostgresDatabaseResource database) => _databases.Add(database);
}
