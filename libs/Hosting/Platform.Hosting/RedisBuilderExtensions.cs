using Platform.Hosting.ApplicationModel;

namespace Platform.Hosting;

public static class RedisBuilderExtensions
{
    /// <summary>A Redis server named <paramref name="name"/>; without a password parameter one is generated (<c>{name}-password</c>).</summary>
    public static IResourceBuilder<RedisResource> AddRedis(
        this IDistributedApplicationBuilder builder, string name, int? port = null, IResourceBuilder<ParameterResource>? password = null)
    {
        var redis = new RedisResource(name, password?.Resource ?? ParameterResourceBuilderExtensions.CreateDefaultPassword(name));
        redis.Annotations.Add(new EndpointAnnotation(RedisResource.EndpointName, "tcp", "tcp", RedisResource.DefaultPort, port));
        return builder.AddResource(redis);
    }

    public static IResourceBuilder<RedisResource> WithPassword(this IResourceBuilder<RedisResource> builder, IResourceBuilder<ParameterResource> password)
    {
        builder.Resource.Password = password.Resource;
        return builder;
    }

    /// <summary>Publishes a named volume for <c>/data</c>; locally the data always lives in the state folder.</summary>
    public static IResourceBuilder<RedisResource> WithDataVolume(this IResourceBuilder<RedisResource> builder, string? name = null) =>
        builder.WithAnnotation(new VolumeAnnotation(name ?? DefaultVolumeName(builder), "/data"));

    internal static string DefaultVolumeName<T>(IResourceBuilder<T> builder) where T : IResource =>
        $"{builder.ApplicationBuilder.ApplicationName.ToLowerInvariant()}-{builder.Resource.Name}-data";
}
