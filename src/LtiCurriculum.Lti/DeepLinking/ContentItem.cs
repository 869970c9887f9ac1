using System.Text.Json.Serialization;

namespace LtiCurriculum.Lti.DeepLinking;

/// <summary>
/// One content item of a deep-linking response (Deep Linking 2.0 §3). The JSON <c>type</c> member is written from
/// the derived record; null members are left out.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(LtiResourceLinkItem), ContentItemTypes.LtiResourceLink)]
[JsonDerivedType(typeof(LinkItem), ContentItemTypes.Link)]
public abstract record ContentItem
{
    [JsonIgnore] public abstract string Type { get; }

    /// <summary>Written for every type: Blackboard refuses a resource link without it although §3.2 makes it optional.</summary>
    [JsonPropertyName("url"), JsonPropertyOrder(-3)] public required string Url { get; init; }

    [JsonPropertyName("title"), JsonPropertyOrder(-2)] public string? Title { get; init; }
    [JsonPropertyName("text"), JsonPropertyOrder(-1)] public string? Text { get; init; }
}

/// <summary>An LTI resource link (Deep Linking 2.0 §3.2): the platform creates a placement that launches <see cref="ContentItem.Url"/>.</summary>
public sealed record LtiResourceLinkItem : ContentItem
{
    [JsonIgnore] public override string Type => ContentItemTypes.LtiResourceLink;

    /// <summary>Custom parameters the platform sends back on every launch of this link (strings only).</summary>
    [JsonPropertyName("custom")] public IReadOnlyDictionary<string, string>? Custom { get; init; }

    [JsonPropertyName("lineItem")] public ContentItemLineItem? LineItem { get; init; }
    [JsonPropertyName("available")] public TimeWindow? Available { get; init; }
    [JsonPropertyName("submission")] public TimeWindow? Submission { get; init; }
    [JsonPropertyName("iframe")] public IframePresentation? Iframe { get; init; }
    [JsonPropertyName("window")] public WindowPresentation? Window { get; init; }
}

/// <summary>A plain link to a web page (Deep Linking 2.0 §3.1), opened by the platform without an LTI launch.</summary>
public sealed record LinkItem : ContentItem
{
    [JsonIgnore] public override string Type => ContentItemTypes.Link;
}
