using Platform.Hosting.ApplicationModel;

namespace Platform.Hosting.Local;

/// <summary>The local instances of a model: one per server and database, one per project replica.</summary>
internal static class LocalInstances
{
    public static async Task<List<ResourceInstance>> CreateAsync(DistributedApplicationModel model, LocalContext context, CancellationToken cancellationToken)
    {
        var instances = new List<ResourceInstance>();
        foreach (var resource in model.Resources)
        {
            switch (resource)
            {
                case RedisResource redis:
                    instances.Add(new RedisInstance(redis, context));
                    break;
                case PostgresServerResource postgres:
                    instances.Add(new PostgresInstance(postgres, context));
                    break;
                case PostgresDatabaseResource database:
                    instances.Add(new DatabaseInstance(database, context));
                    break;
                case ProjectResource project:
                    var targetPath = await ProjectOutputLocator.LocateAsync(project.Metadata, context, cancellationToken).ConfigureAwait(false);
                    for (var replica = 0; replica < project.Replicas; replica++)
                    {
                        instances.Add(new ProjectInstance(project, replica, targetPath, context));
                    }

                    break;
                case ParameterResource:
                    break;
                default:
                    throw new DistributedApplicationException($"Resource '{resource.Name}' ({resource.GetType().Name}) cannot run locally.");
            }
        }

        return instances;
    }
}
