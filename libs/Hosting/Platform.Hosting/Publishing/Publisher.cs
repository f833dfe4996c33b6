using Platform.Hosting.ApplicationModel;
using Platform.Hosting.Publishing.Kubernetes;

namespace Platform.Hosting.Publishing;

/// <summary><c>--publisher manifest|kubernetes --output-path {path}</c>; relative paths start at the current directory, as azd expects.</summary>
internal static class Publisher
{
    public static string Publish(DistributedApplicationModel model, DistributedApplicationExecutionContext context, string currentDirectory)
    {
        switch (context.Publisher)
        {
            case "manifest":
                var manifest = Path.GetFullPath(context.OutputPath ?? "aspire-manifest.json", currentDirectory);
                ManifestPublisher.Write(model, manifest);
                return manifest;
            case "kubernetes":
                var directory = Path.GetFullPath(context.OutputPath ?? Path.Combine("deploy", "k8s"), currentDirectory);
                KubernetesPublisher.Write(model, directory);
                return directory;
            default:
                throw new DistributedApplicationException($"Unknown publisher '{context.Publisher}'. Use 'manifest' or 'kubernetes'.");
        }
    }
}
