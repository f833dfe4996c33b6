using System.Reflection;
using System.Runtime.Loader;

namespace Platform.Hosting.Testing;

/// <summary>
/// Runs an AppHost's <c>Main</c> in the test process up to <c>builder.Build()</c> and hands the builder over, so a
/// test starts the very model Program.cs declares (Aspire.Hosting.Testing does the same with a diagnostic hook).
/// While a capture is active, <see cref="DistributedApplication.CreateBuilder(DistributedApplicationOptions)"/> returns
/// a testing builder whose first <c>Build()</c> throws <see cref="BuilderCaptured"/> to end Main early.
/// </summary>
internal sealed class EntryPointCapture(Func<DistributedApplicationOptions, DistributedApplicationBuilder> createBuilder)
{
    private static readonly AsyncLocal<EntryPointCapture?> Active = new();

    private DistributedApplicationBuilder? _builder;

    public static EntryPointCapture? Current => Active.Value;

    public static async Task<DistributedApplicationBuilder> RunAsync(
        string assemblyPath, string[] args, Func<DistributedApplicationOptions, DistributedApplicationBuilder> createBuilder)
    {
        var assembly = AssemblyLoadContext.Default.LoadFromAssemblyPath(Path.GetFullPath(assemblyPath));
        var entryPoint = assembly.EntryPoint ?? throw new DistributedApplicationException($"{assemblyPath} has no entry point.");
        var capture = new EntryPointCapture(createBuilder);
        Active.Value = capture;
        try
        {
            var result = entryPoint.Invoke(null, entryPoint.GetParameters().Length == 0 ? null : [args]);
            if (result is Task task)
            {
                await task.ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is BuilderCaptured || ex.InnerException is BuilderCaptured)
        {
        }
        finally
        {
            Active.Value = null;
        }

        var builder = capture._builder ?? throw new DistributedApplicationException($"{assembly.GetName().Name} returned without building a distributed application.");
        builder.BuildInterceptor = null;
        return builder;
    }

    public IDistributedApplicationBuilder CreateBuilder(DistributedApplicationOptions options)
    {
        _builder = createBuilder(options);
        _builder.BuildInterceptor = () => throw new BuilderCaptured();
        return _builder;
    }

    internal sealed class BuilderCaptured() : Exception("The AppHost's builder was handed to a test.");
}
