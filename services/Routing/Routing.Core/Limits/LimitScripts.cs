using Platform.Redis;

namespace Platform.Routing.Limits;

/// <summary>The Lua scripts that hold the shared limits and breakers, loaded once and run by SHA1.</summary>
public static class LimitScripts
{
    public static LuaScript Admit { get; } = new(Read("admit.lua"));

    public static LuaScript Complete { get; } = new(Read("complete.lua"));

    public static LuaScript Health { get; } = new(Read("health.lua"));

    private static string Read(string fileName)
    {
        var name = "Platform.Routing.Scripts." + fileName;
        using var stream = typeof(LimitScripts).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded script {name} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
