using Platform.LlmSimulator.Hashing;

namespace Platform.LlmSimulator.Faults;

/// <summary>
/// The fault drawn for the n-th request after the shares were set: a pure function of
/// (shares, seed, n). Because each request takes the next n, the number of each fault over N requests
/// is exactly reproducible, whatever the concurrency; tests compute the expected counts with this.
/// </summary>
public static class FaultRoll
{
    public static FaultAction Decide(FaultShares shares, long n)
    {
        var u = StableHash.ToUnit(StableHash.Draw((ulong)shares.Seed, n));
        var threshold = shares.RateLimited;
        if (u < threshold)
        {
            return FaultAction.RateLimited(shares.RetryAfterSeconds);
        }
        threshold += shares.ServerError;
        if (u < threshold)
        {
            // A second, independent draw picks the code so the code mix does not depend on u.
            var codes = shares.ServerErrorCodes;
            var pick = StableHash.Draw((ulong)shares.Seed ^ 0x5EC0DE5UL, n) % (ulong)codes.Count;
            return FaultAction.ServerError(codes[(int)pick]);
        }
        threshold += shares.Hang;
        if (u < threshold)
        {
            return FaultAction.Hang(shares.HangSeconds);
        }
        threshold += shares.DropConnection;
        return u < threshold ? FaultAction.Drop() : FaultAction.None;
    }
}
