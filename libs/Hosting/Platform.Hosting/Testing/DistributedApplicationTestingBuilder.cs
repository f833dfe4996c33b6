using System.Reflection;

namespace Platform.Hosting.Testing;

/// <summary>
/// Our answer to Aspire.Hosting.Testing: build the same model (or part of it) in a test, then
/// <c>await app.StartAsync()</c> (returns once everything is healthy), <c>app.GetEndpoint("budget", "grpc")</c>,
/// <c>app.GetConnectionString("cache")</c>, and <c>await app.DisposeAsync()</c> to stop it all.
/// Differences from a developer run: every port is a free one, the state folder is a new temporary folder
/// (deleted on dispose), and nothing is installed with apt-get.
/// </summary>
public static class DistributedApplicationTestingBuilder
{
    /// <summary>An empty model to add resources to.</summary>
    public static IDistributedApplicationBuilder Create(params string[] args) => Create(new DistributedApplicationOptions { Args = args });

    /// <param name="options">
    /// <see cref="DistributedApplicationOptions.DefaultSettings"/> override the testing defaults; a given
    /// <c>AppHost:StateDirectory</c> is kept on dispose (to test what survives a restart).
    /// </param>
    public static IDistributedApplicationBuilder Create(DistributedApplicationOptions options) => CreateBuilder(options);

    /// <summary>
    /// The model an AppHost's Program.cs declares (<c>CreateAsync&lt;Projects.AppHost&gt;()</c>, from a
    /// <c>ProjectReference ReferenceOutputAssembly="false"</c> to the AppHost), ready for changes and <c>Build()</c>.
    /// </summary>
    public static Task<IDistributedApplicationBuilder> CreateAsync<TAppHost>(params string[] args)
        where TAppHost : IProjectMetadata, new() =>
        CreateAsync(new TAppHost(), new DistributedApplicationOptions { Args = args });

    public static async Task<IDistributedApplicationBuilder> CreateAsync(IProjectMetadata appHost, DistributedApplicationOptions options)
    {
        var assemblyPath = appHost.TargetPath is { } path && File.Exists(path)
            ? path
            : throw new DistributedApplicationException($"The AppHost {appHost.ProjectPath} is not built (expected {appHost.TargetPath}).");
        var assembly = AssemblyName.GetAssemblyName(assemblyPath);
        return await EntryPointCapture.RunAsync(assemblyPath, options.Args, programOptions => CreateBuilder(new DistributedApplicationOptions
        {
            Args = programOptions.Args,
            AppHostDirectory = Path.GetDirectoryName(appHost.ProjectPath),
            ApplicationName = assembly.Name,
            Output = options.Output,
            DefaultSettings = options.DefaultSettings,
        })).ConfigureAwait(false);
    }

    private static DistributedApplicationBuilder CreateBuilder(DistributedApplicationOptions options)
    {
        var ownStateDirectory = options.DefaultSettings?.ContainsKey("AppHost:StateDirectory") != true;
        var stateDirectory = ownStateDirectory ? Directory.CreateTempSubdirectory("platform-apphost-test-").FullName : null;
        var settings = new Dictionary<string, string?>
        {
            ["AppHost:StateDirectory"] = stateDirectory,
            ["AppHost:DefaultPorts"] = "false",
            ["AppHost:InstallMissing"] = "false",
            ["AppHost:StartupTimeoutSeconds"] = "180",
            ["AppHost:StopTimeoutSeconds"] = "10",
        };
        foreach (var (key, value) in options.DefaultSettings ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var builder = new DistributedApplicationBuilder(new DistributedApplicationOptions
        {
            Args = options.Args,
            AppHostDirectory = options.AppHostDirectory ?? System.Environment.CurrentDirectory,
            ApplicationName = options.ApplicationName ?? "testing",
            Output = options.Output,
            DefaultSettings = settings,
        });
        if (stateDirectory is not null)
        {
            builder.OnDisposed(() => DeleteQuietly(stateDirectory));
        }

        return builder;
    }

    private static void DeleteQuietly(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
