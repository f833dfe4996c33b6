namespace Platform.Budget.Accounting;

/// <summary>The contract's cost rule: ceil((input * inputPrice + output * outputPrice) / 1e6) micro-dollars.</summary>
public static class Cost
{
    public static long Micros(long inputTokens, long outputTokens, ModelPrice price)
    {
        var total = ((Int128)inputTokens * price.InputMicrosPerMTok) + ((Int128)outputTokens * price.OutputMicrosPerMTok);
        return (long)((total + 999_999) / 1_000_000);
    }
}
