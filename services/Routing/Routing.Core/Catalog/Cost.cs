namespace Platform.Routing.Catalog;

/// <summary>The platform's one cost formula (protos/README.md): ceil((in * in_price + out * out_price) / 1e6) micro-dollars.</summary>
public static class Cost
{
    public static long Micros(long inputTokens, long outputTokens, long inputMicrosPerMTok, long outputMicrosPerMTok)
    {
        // Int128 so that no realistic token count or price can overflow before the division.
        var numerator = (Int128)Math.Max(0, inputTokens) * inputMicrosPerMTok + (Int128)Math.Max(0, outputTokens) * outputMicrosPerMTok;
        var micros = (numerator + 999_999) / 1_000_000;
        return micros > long.MaxValue ? long.MaxValue : (long)micros;
    }
}
