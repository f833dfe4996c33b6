namespace Interop.Tests.Peers;

/// <summary>Files of the repository the peers need, found by walking up from the test binaries.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string EchoProto => Path.Combine(Root, "tests", "Grpc.Tests", "Protos", "echo.proto");

    public static string HealthProto => Path.Combine(Root, "protos", "grpc", "health", "v1", "health.proto");

    public static string NodePeers => Path.Combine(Root, "tests", "Interop.Tests", "node");

    public static string PythonPeers => Path.Combine(Root, "tests", "Interop.Tests", "python");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Platform.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Platform.sln above {AppContext.BaseDirectory}.");
    }
}
