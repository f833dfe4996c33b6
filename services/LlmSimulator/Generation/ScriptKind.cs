namespace Platform.LlmSimulator.Generation;

public enum ScriptKind
{
    /// <summary>Ordinary replies; never says [DONE].</summary>
    None,

    /// <summary>Ends the reply with [DONE] from the N-th assistant turn on.</summary>
    DoneAfter,

    /// <summary>The same reply every time, whatever the conversation (loop-detection tests).</summary>
    Loop,

    /// <summary>Varied replies that never say [DONE] (max-iterations tests).</summary>
    NeverDone,
}
