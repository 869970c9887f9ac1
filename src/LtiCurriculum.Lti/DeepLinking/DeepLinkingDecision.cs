namespace LtiCurriculum.Lti.DeepLinking;

/// <summary>How the returned resource links will open, from the platform's accept_presentation_document_targets.</summary>
public enum PresentationTarget
{
    /// <summary>The platform accepts neither iframe nor window: the items carry no presentation and it decides.</summary>
    None,
    Iframe,
    Window,
}

public enum DeepLinkingRefusalCode
{
    /// <summary>The request carried no deep_linking_settings.</summary>
    SettingsMissing,
    /// <summary>accept_types lacks ltiResourceLink, or lacks the type of a picked item.</summary>
    TypeNotAccepted,
    /// <summary>accept_multiple is false (or absent) and more than one item was picked.</summary>
    MultipleNotAccepted,
    /// <summary>A picked item is unusable: no absolute http(s) url, scoreMaximum not above zero, a window that ends before it starts.</summary>
    InvalidItem,
}

/// <summary>Why the picked items cannot be returned: a stable code and a sentence for the instructor.</summary>
public sealed record DeepLinkingRefusal(DeepLinkingRefusalCode Code, string Description)
{
    public override string ToString() => $"{Code}: {Description}";
}

/// <summary>
/// The outcome of <see cref="DeepLinkingRules.Decide"/>: either the items to return, adjusted to what the platform
/// accepts, or a <see cref="Refusal"/>.
/// </summary>
public sealed record DeepLinkingDecision
{
    public required IReadOnlyList<ContentItem> Items { get; init; }
    public PresentationTarget Presentation { get; init; }

    /// <summary>auto_create: the platform creates the links without asking the instructor again.</summary>
    public bool AutoCreate { get; init; }

    /// <summary>True when line items were removed because accept_lineitem is false.</summary>
    public bool LineItemsDropped { get; init; }

    public DeepLinkingRefusal? Refusal { get; init; }

    public bool IsAllowed => Refusal is null;

    internal static DeepLinkingDecision Refuse(DeepLinkingRefusalCode code, string description, bool autoCreate) =>
        new() { Items = [], Refusal = new DeepLinkingRefusal(code, description), AutoCreate = autoCreate };
}
