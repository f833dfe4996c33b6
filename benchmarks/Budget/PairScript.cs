using Platform.Budget.Accounting;
using Platform.Redis;

namespace Platform.Budget.Benchmarks;

/// <summary>
/// The ceiling's script: the service's own reserve.lua and commit.lua bodies, unchanged, wrapped as
/// functions after the shared library, and called in turn by pair.lua: what Redis does per pair.
/// </summary>
internal static class PairScript
{
    public static LuaScript Create()
    {
        using var stream = typeof(PairScript).Assembly.GetManifestResourceStream("pair.lua")!;
        using var reader = new StreamReader(stream);
        var body = $"""
            local function reserve_main(KEYS, ARGV)
            {BudgetScripts.Read("reserve.lua")}
            end
            local function commit_main(KEYS, ARGV)
            {BudgetScripts.Read("commit.lua")}
            end
            {reader.ReadToEnd()}
            """;
        return BudgetScripts.Compose(body);
    }
}
