using Platform.Hosting.ApplicationModel;

namespace Platform.Hosting;

public static class PostgresBuilderExtensions
{
    /// <summary>A PostgreSQL server (superuser <c>postgres</c>); without a password parameter one is generated (<c>{name}-password</c>).</summary>
    public static IResourceBuilder<PostgresServerResource> AddPostgres(
        this IDistributedApplicationBuilder builder, string name, IResourceBuilder<ParameterResource>? password = null, int? port = null)
    {
        var postgres = new PostgresServerResource(name, password?.Resource ?? ParameterResourceBuilderExtensions.CreateDefaultPassword(name));
        postgres.Annotations.Add(new EndpointAnnotation(PostgresServerResource.EndpointName, "tcp", "tcp", PostgresServerResource.DefaultPort, port));
        return builder.AddResource(postgres);
    }

    public static IResourceBuilder<PostgresServerResource> WithPassword(
        this IResourceBuilder<PostgresServerResource> builder, IResourceBuilder<ParameterResource> password)
    {
        builder.Resource.Password = password.Resource;
        return builder;
    }

    /// <summary>A database created on the server when missing; its connection string is the server's plus <c>Database=</c>.</summary>
    public static IResourceBuilder<PostgresDatabaseResource> AddDatabase(
        this IResourceBuilder<PostgresServerResource> builder, string name, string? databaseName = null)
    {
        var database = new PostgresDatabaseResource(name, databaseName ?? name, builder.Resource);
        builder.Resource.AddDatabase(database);
        return builder.ApplicationBuilder.AddResource(database);
    }

    /// <summary>Publishes a named volume for the data directory; locally the data always lives in the state folder.</summary>
    public static IResourceBuilder<PostgresServerResource> WithDataVolume(this IResourceBuilder<PostgresServerResource> builder, string? name = null) =>
        builder.WithAnnotation(new VolumeAnnotation(name ?? RedisBuilderExtensions.DefaultVolumeName(builder), "/var/lib/postgresql/data"));
}
