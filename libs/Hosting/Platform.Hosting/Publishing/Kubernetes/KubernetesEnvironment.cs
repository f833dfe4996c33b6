using Platform.Hosting.ApplicationModel;

namespace Platform.Hosting.Publishing.Kubernetes;

/// <summary>
/// Splits a project's environment between its ConfigMap (plain values) and the container's <c>env</c> (anything
/// built from a secret): a variable that is exactly one secret reads it from the Secret; a composed one (a connection
/// string with a password) is written with <c>$(PARAM_X)</c>, and <c>PARAM_X</c> is defined from the Secret before it.
/// </summary>
internal static class KubernetesEnvironment
{
    public static (YamlMap ConfigData, List<object> Env) Split(IEnumerable<EnvironmentAnnotation> variables, string secretName)
    {
        var config = new YamlMap();
        var direct = new List<object>();
        var composed = new List<object>();
        var helpers = new Dictionary<ParameterResource, object>();
        foreach (var variable in variables)
        {
            if (variable.Value.Parts is [ParameterReference { Parameter.Secret: true } only])
            {
                direct.Add(FromSecret(variable.Name, only.Parameter, secretName));
                continue;
            }

            var values = new KubernetesValues();
            var resolved = values.Resolve(variable.Value, forEnvValue: true);
            if (values.SecretsUsed.Count == 0)
            {
                config[variable.Name] = new KubernetesValues().Resolve(variable.Value, forEnvValue: false);
                continue;
            }

            foreach (var secret in values.SecretsUsed)
            {
                helpers.TryAdd(secret, FromSecret(KubernetesValues.VariableFor(secret), secret, secretName));
            }

            composed.Add(new YamlMap { ["name"] = variable.Name, ["value"] = resolved });
        }

        // $(VAR) only expands variables defined earlier in the list.
        return (config, [.. helpers.Values, .. direct, .. composed]);
    }

    public static YamlMap FromSecret(string name, ParameterResource parameter, string secretName) => new()
    {
        ["name"] = name,
        ["valueFrom"] = new YamlMap
        {
            ["secretKeyRef"] = new YamlMap { ["name"] = secretName, ["key"] = parameter.Name },
        },
    };
}
