using Platform.Testing.Peers;

namespace Interop.Tests.Peers;

/// <summary>
/// Runs the grpcio scripts in tests/Interop.Tests/python with Debian's interpreter (it has python3-grpcio and
/// python3-grpc-tools), after generating the stubs they import into a temporary directory.
/// </summary>
public sealed class PythonPeers : IDisposable
{
    private const string Python = "/usr/bin/python3";
    private static readonly TimeSpan ProtocTimeout = TimeSpan.FromMinutes(2);

    private PythonPeers(DirectoryInfo stubs)
    {
        StubsDirectory = stubs;
    }

    public DirectoryInfo StubsDirectory { get; }

    public static async Task<PythonPeers> GenerateStubsAsync()
    {
        var stubs = Directory.CreateTempSubdirectory("interop-python-stubs-");
        using var protoc = PeerProcess.Start(
            Python,
            RepoPaths.PythonPeers,
            "-m", "grpc_tools.protoc",
            "-I" + Path.GetDirectoryName(RepoPaths.EchoProto),
            // The health proto is compiled from its own folder: a "grpc" package path would shadow the grpc module.
            "-I" + Path.GetDirectoryName(RepoPaths.HealthProto),
            "--python_out=" + stubs.FullName,
            "--grpc_python_out=" + stubs.FullName,
            Path.GetFileName(RepoPaths.EchoProto),
            Path.GetFileName(RepoPaths.HealthProto));
        await protoc.WaitForExitAsync(ProtocTimeout);
        if (protoc.ExitCode != 0)
        {
            throw new InvalidOperationException($"grpc_tools.protoc failed with exit code {protoc.ExitCode}.\n{protoc.Describe()}");
        }

        return new PythonPeers(stubs);
    }

    public PeerProcess Start(string script, params string[] arguments) =>
        PeerProcess.Start(Python, RepoPaths.PythonPeers, [Path.Combine(RepoPaths.PythonPeers, script), .. arguments]);

    public void Dispose()
    {
        try
        {
            StubsDirectory.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
