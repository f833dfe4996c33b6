using System.Reflection;
using Platform.Redis;

namespace Platform.Budget.Accounting;

/// <summary>
/// The Lua scripts that make every budget decision, each composed of the shared library
/// (counters.lua, records.lua) and its entry file, loaded once and run by SHA1.
/// </summary>
public static class BudgetScripts
{
    public static LuaScript Reserve { get; } = Compose(Read("reserve.lua"));

    public static LuaScript Commit { get; } = Compose(Read("commit.lua"));

    public static LuaScript Release { get; } = Compose(Read("release.lua"));

    public static LuaScript Extend { get; } = Compose(Read("extend.lua"));

    public static LuaScript Expire { get; } = Compose(Read("expire.lua"));

    public static LuaScript Reallocate { get; } = Compose(Read("reallocate.lua"));

    public static LuaScript Configure { get; } = Compose(Read("configure.lua"));

    public static LuaScript Clock { get; } = Compose(Read("clock.lua"));

    /// <summary>The shared library followed by <paramref name="body"/> (benchmarks compose their own entry this way).</summary>
    public static LuaScript Compose(string body) => new(Library + "\n" + body);

    private static string Library => Read("counters.lua") + "\n" + Read("records.lua");

    /// <summary>An embedded script's source, e.g. "reserve.lua".</summary>
    public static string Read(string fileName)
    {
        var name = "Platform.Budget.Scripts." + fileName;
        using var stream = typeof(BudgetScripts).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded script {name} is missing from {typeof(BudgetScripts).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
