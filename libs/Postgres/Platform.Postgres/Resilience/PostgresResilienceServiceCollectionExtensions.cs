using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Platform.Postgres.Resilience;

public static class PostgresResilienceServiceCollectionExtensions
{
    /// <summary>Registers <see cref="IPostgresResilience"/>, bound to <c>Postgres:Resilience</c> and <paramref name="configure"/>.</summary>
    public static IServiceCollection AddPostgresResilience(this IServiceCollection services, Action<PostgresResilienceOptions>? configure = null)
    {
        var options = services.AddOptions<PostgresResilienceOptions>().BindConfiguration(PostgresResilienceOptions.SectionName);
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton<IPostgresResilience, PostgresResilience>();
        return services;
    }
}
