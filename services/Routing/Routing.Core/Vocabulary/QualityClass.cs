namespace Platform.Routing.Vocabulary;

/// <summary>Strength class of a model. Values match platform.routing.v1.QualityClass.</summary>
public enum QualityClass
{
    Unspecified = 0,
    Economy = 1,
    Balanced = 2,
    Strong = 3,
}
