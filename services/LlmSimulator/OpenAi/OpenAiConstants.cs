namespace Platform.LlmSimulator.OpenAi;

public static class OpenAiConstants
{
    public const string SystemFingerprint = "fp_llmsim";
}
