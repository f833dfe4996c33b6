namespace Platform.Routing.Vocabulary;

/// <summary>What a model can do. Values match platform.routing.v1.Capability.</summary>
public enum Capability
{
    Unspecified = 0,
    Chat = 1,
    Streaming = 2,
    Code = 3,
    Reasoning = 4,
    Vision = 5,
    JsonMode = 6,
    Tools = 7,
}
