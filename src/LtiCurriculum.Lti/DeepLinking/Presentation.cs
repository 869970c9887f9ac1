using System.Text.Json.Serialization;

namespace LtiCurriculum.Lti.DeepLinking;

/// <summary>Launch the link in an iframe of the platform's page (Deep Linking 2.0 §3.2 iframe); sizes in pixels.</summary>
public sealed record IframePresentation(
    [property: JsonPropertyName("width")] int? Width = null,
    [property: JsonPropertyName("height")] int? Height = null);

/// <summary>Launch the link in a new window or tab (Deep Linking 2.0 §3.2 window).</summary>
public sealed record WindowPresentation(
    [property: JsonPropertyName("targetName")] string? TargetName = null,
    [property: JsonPropertyName("width")] int? Width = null,
    [property: JsonPropertyName("height")] int? Height = null,
    [property: JsonPropertyName("windowFeatures")] string? WindowFeatures = null);
