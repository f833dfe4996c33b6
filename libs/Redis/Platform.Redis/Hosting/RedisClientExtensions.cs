using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Platform.Redis;
using Platform.Redis.Hosting;

namespace Microsoft.Extensions.Hosting;

/// <summary>DI registration in the shape of Aspire.StackExchange.Redis's <c>AddRedisClient</c>.</summary>
public static class RedisClientExtensions
{
    private const string SettingsSection = "Platform:Redis";

    /// <summary>
    /// Registers a singleton <see cref="RedisConnection"/> for <c>ConnectionStrings:{connectionName}</c>, its
    /// <see cref="IRedisDatabase"/>, and a health check named "redis" (PING). The connection is made in the
    /// background, so start-up never fails because Redis is not up yet.
    /// </summary>
    public static IHostApplicationBuilder AddRedisClient(
        this IHostApplicationBuilder builder,
        string connectionName,
        Action<RedisClientSettings>? configureSettings = null,
        Action<RedisConnectionOptions>? configureOptions = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(connectionName);

        var settings = new RedisClientSettings();
        builder.Configuration.GetSection(SettingsSection).Bind(settings);
        settings.ConnectionString ??= builder.Configuration.GetConnectionString(connectionName);
        configureSettings?.Invoke(settings);

        if (string.IsNullOrWhiteSpace(settings.ConnectionString))
        {
            throw new InvalidOperationException(
                $"Redis client '{connectionName}': no connection string. Set ConnectionStrings:{connectionName} " +
                $"(environment variable ConnectionStrings__{connectionName}) or {SettingsSection}:ConnectionString.");
        }

        // Parse now so a bad connection string fails at start-up with the option named.
        var options = RedisConnectionOptions.Parse(settings.ConnectionString);
        options.AbortOnConnectFail = false;
        options.ClientName ??= builder.Environment.ApplicationName.Replace(' ', '-');
        configureOptions?.Invoke(options);

        builder.Services.AddSingleton(_ => RedisConnection.Create(options));
        builder.Services.AddSingleton(services => services.GetRequiredService<RedisConnection>().GetDatabase());

        if (!settings.DisableHealthChecks)
        {
            builder.Services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis", tags: ["ready"]);
        }

        return builder;
    }
}
