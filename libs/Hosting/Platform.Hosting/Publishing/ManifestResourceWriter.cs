using System.Text.Json;
using Platform.Hosting.ApplicationModel;

namespace Platform.Hosting.Publishing;

/// <summary>One resource's manifest entry, by resource type.</summary>
internal static class ManifestResourceWriter
{
    public static void Write(Utf8JsonWriter json, IResource resource, string manifestDirectory)
    {
        switch (resource)
        {
            case RedisResource redis:
                WriteContainer(json, redis, RedisResource.Image, RedisResource.ImageTag,
                    entrypoint: "/bin/sh",
                    args: ["-c", "redis-server --requirepass \"$REDIS_PASSWORD\" --appendonly yes"],
                    env: [("REDIS_PASSWORD", ReferenceExpression.Of(new ParameterReference(redis.Password)))]);
                break;
            case PostgresServerResource postgres:
                WriteContainer(json, postgres, PostgresServerResource.Image, PostgresServerResource.ImageTag, entrypoint: null, args: [],
                    env:
                    [
                        ("POSTGRES_HOST_AUTH_METHOD", ReferenceExpression.Literal("scram-sha-256")),
                        ("POSTGRES_INITDB_ARGS", ReferenceExpression.Literal("--auth-host=scram-sha-256 --auth-local=scram-sha-256")),
                        ("POSTGRES_USER", ReferenceExpression.Literal(postgres.UserName)),
                        ("POSTGRES_PASSWORD", ReferenceExpression.Of(new ParameterReference(postgres.Password))),
                    ]);
                break;
            case PostgresDatabaseResource database:
                json.WriteString("type", "value.v0");
                json.WriteString("connectionString", ManifestExpressions.Of(database.ConnectionStringExpression));
                break;
            case ParameterResource parameter:
                WriteParameter(json, parameter);
                break;
            case ProjectResource project:
                WriteProject(json, project, manifestDirectory);
                break;
            default:
                throw new DistributedApplicationException($"Resource '{resource.Name}' ({resource.GetType().Name}) has no manifest form.");
        }
    }

    private static void WriteContainer(
        Utf8JsonWriter json, IResourceWithConnectionString resource, string image, string tag, string? entrypoint, string[] args,
        (string Name, ReferenceExpression Value)[] env)
    {
        json.WriteString("type", "container.v0");
        json.WriteString("connectionString", ManifestExpressions.Of(resource.ConnectionStringExpression));
        json.WriteString("image", $"{image}:{tag}");
        if (entrypoint is not null)
        {
            json.WriteString("entrypoint", entrypoint);
        }

        if (args.Length > 0)
        {
            json.WriteStartArray("args");
            foreach (var arg in args)
            {
                json.WriteStringValue(arg);
            }

            json.WriteEndArray();
        }

        var volumes = resource.Annotations.OfType<VolumeAnnotation>().ToList();
        if (volumes.Count > 0)
        {
            json.WriteStartArray("volumes");
            foreach (var volume in volumes)
            {
                json.WriteStartObject();
                json.WriteString("name", volume.Name);
                json.WriteString("target", volume.Target);
                json.WriteBoolean("readOnly", false);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        WriteEnv(json, env);
        WriteBindings(json, resource);
    }

    private static void WriteParameter(Utf8JsonWriter json, ParameterResource parameter)
    {
        json.WriteString("type", "parameter.v0");
        json.WriteString("value", $"{{{parameter.Name}.inputs.value}}");
        json.WriteStartObject("inputs");
        json.WriteStartObject("value");
        json.WriteString("type", "string");
        if (parameter.Secret)
        {
            json.WriteBoolean("secret", true);
        }

        if (parameter.PublishDefault && parameter.Default is { } defaultValue)
        {
            json.WriteStartObject("default");
            WriteDefault(json, defaultValue);
            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteDefault(Utf8JsonWriter json, ParameterDefault defaultValue)
    {
        switch (defaultValue)
        {
            case GenerateParameterDefault generate:
                json.WriteStartObject("generate");
                json.WriteNumber("minLength", generate.MinLength);
                WriteIfFalse(json, "lower", generate.Lower);
                WriteIfFalse(json, "upper", generate.Upper);
                WriteIfFalse(json, "numeric", generate.Numeric);
                WriteIfFalse(json, "special", generate.Special);
                json.WriteEndObject();
                break;
            case ConstantParameterDefault constant:
                json.WriteString("value", constant.Value);
                break;
        }
    }

    private static void WriteIfFalse(Utf8JsonWriter json, string name, bool value)
    {
        if (!value)
        {
            json.WriteBoolean(name, false);
        }
    }

    private static void WriteProject(Utf8JsonWriter json, ProjectResource project, string manifestDirectory)
    {
        json.WriteString("type", "project.v0");
        json.WriteString("path", Path.GetRelativePath(manifestDirectory, project.Metadata.ProjectPath).Replace('\\', '/'));
        WriteEnv(json, ProjectEnvironment.For(project, EnvironmentTarget.Published).Select(v => (v.Name, v.Value)).ToArray());
        WriteBindings(json, project);
    }

    private static void WriteEnv(Utf8JsonWriter json, (string Name, ReferenceExpression Value)[] env)
    {
        json.WriteStartObject("env");
        foreach (var (name, value) in env)
        {
            json.WriteString(name, ManifestExpressions.Of(value));
        }

        json.WriteEndObject();
    }

    private static void WriteBindings(Utf8JsonWriter json, IResource resource)
    {
        json.WriteStartObject("bindings");
        foreach (var endpoint in resource.GetEndpoints())
        {
            json.WriteStartObject(endpoint.Name);
            json.WriteString("scheme", endpoint.Scheme);
            json.WriteString("protocol", "tcp");
            json.WriteString("transport", endpoint.Transport);
            if (endpoint.IsExternal)
            {
                json.WriteBoolean("external", true);
            }

            if (endpoint.TargetPort is { } targetPort)
            {
                json.WriteNumber("targetPort", targetPort);
            }

            json.WriteEndObject();
        }

        json.WriteEndObject();
    }
}
