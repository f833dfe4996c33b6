using System.Text;
using Platform.Hosting.ApplicationModel;

namespace Platform.Hosting.Publishing.Kubernetes;

/// <summary>The inputs of the deploy-time Secret: an example listing its keys and a script that fills in fresh passwords.</summary>
internal static class SecretFiles
{
    public static string Example(IReadOnlyList<ParameterResource> secrets, string secretName)
    {
        var text = new StringBuilder()
            .Append("# Keys of the Secret '").Append(secretName).Append("', which kustomize generates from ").Append(KubernetesPublisher.SecretsFile).Append('\n')
            .Append("# at deploy time. ").Append(KubernetesPublisher.SecretsFile).Append(" is gitignored: create it with ./generate-secrets.sh, then fill in\n")
            .Append("# the values left empty. Never commit real values.\n");
        foreach (var secret in secrets)
        {
            var hint = secret.Default is GenerateParameterDefault generate ? $"generated: {generate.MinLength}+ random characters" : "provide (may stay empty)";
            text.Append("# ").Append(hint).Append('\n').Append(secret.Name).Append("=\n");
        }

        return text.ToString();
    }

    public static string GenerateScript(IReadOnlyList<ParameterResource> secrets)
    {
        var text = new StringBuilder()
            .Append("#!/bin/sh\n")
            .Append("# Creates ").Append(KubernetesPublisher.SecretsFile).Append(" next to this script with fresh random passwords; other secrets stay empty\n")
            .Append("# for you to fill in. Refuses to overwrite an existing file (the cluster's data is locked with those passwords).\n")
            .Append("set -eu\n")
            .Append("cd \"$(dirname \"$0\")\"\n")
            .Append("if [ -e ").Append(KubernetesPublisher.SecretsFile).Append(" ]; then\n")
            .Append("  echo \"").Append(KubernetesPublisher.SecretsFile).Append(" already exists; delete it first to regenerate\" >&2\n")
            .Append("  exit 1\n")
            .Append("fi\n")
            .Append("random() { LC_ALL=C tr -dc 'A-Za-z0-9' </dev/urandom | head -c \"$1\"; }\n")
            .Append("umask 077\n")
            .Append("{\n");
        foreach (var secret in secrets)
        {
            var value = secret.Default is GenerateParameterDefault generate ? $"$(random {generate.MinLength})" : "";
            text.Append("  echo \"").Append(secret.Name).Append('=').Append(value).Append("\"\n");
        }

        return text.Append("} > ").Append(KubernetesPublisher.SecretsFile).Append('\n')
            .Append("echo \"wrote $(pwd)/").Append(KubernetesPublisher.SecretsFile).Append("\"\n")
            .ToString();
    }
}
