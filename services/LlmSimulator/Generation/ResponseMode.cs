namespace Platform.LlmSimulator.Generation;

public enum ResponseMode
{
    /// <summary>"Step N:" followed by pseudo-text sentences: looks like an agent making progress.</summary>
    Answer,

    /// <summary>"You said:" followed by the last user message.</summary>
    Echo,

    /// <summary>Pseudo-text only.</summary>
    Lorem,
}
