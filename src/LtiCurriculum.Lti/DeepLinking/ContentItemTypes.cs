namespace LtiCurriculum.Lti.DeepLinking;

/// <summary>Content item <c>type</c> values (Deep Linking 2.0 §3) and presentation targets (§4.4.1).</summary>
public static class ContentItemTypes
{
    public const string LtiResourceLink = "ltiResourceLink";
    public const string Link = "link";
}

/// <summary>Values of <c>accept_presentation_document_targets</c> the tool can use.</summary>
public static class DocumentTargets
{
    public const string Iframe = "iframe";
    public const string Window = "window";
}
