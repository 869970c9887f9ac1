using LtiCurriculum.Lti.Claims;
using LtiCurriculum.Lti.DeepLinking;

namespace LtiCurriculum.Lti.Tests.DeepLinking;

/// <summary>What may be returned for each accept_* setting of the request (Deep Linking 2.0 §4.4.1).</summary>
public sealed class DeepLinkingRulesTests
{
    private static DeepLinkingSettingsClaim Settings(
        string[]? types = null, string[]? targets = null, bool? multiple = true, bool? lineItem = true, bool? autoCreate = null) =>
        new("https://lms.example/deep_links", types ?? ["ltiResourceLink"], targets ?? ["iframe", "window"],
            AcceptMultiple: multiple, AcceptLineItem: lineItem, AutoCreate: autoCreate);

    private static LtiResourceLinkItem Module(int n, IframePresentation? iframe = null, WindowPresentation? window = null) => new()
    {
        Url = $"https://tool.example/lti/launch?module={n}",
        Title = $"Module {n}",
        LineItem = new ContentItemLineItem(10m, $"Module {n}"),
        Iframe = iframe,
        Window = window,
    };

    private static string[] List(string commaSeparated) => commaSeparated.Split(',', StringSplitOptions.RemoveEmptyEntries);

    private static void AssertRefused(DeepLinkingDecision decision, DeepLinkingRefusalCode code)
    {
        Assert.False(decision.IsAllowed);
        Assert.Equal(code, decision.Refusal!.Code);
        Assert.False(string.IsNullOrWhiteSpace(decision.Refusal.Description));
        Assert.Empty(decision.Items);
    }

    [Fact]
    public void Request_without_settings_is_refused()
    {
        AssertRefused(DeepLinkingRules.Decide(null, [Module(1)]), DeepLinkingRefusalCode.SettingsMissing);
    }

    [Theory]
    [InlineData("link,file,html")]
    [InlineData("")]
    [InlineData("LtiResourceLink")]
    public void Platform_that_does_not_accept_resource_links_is_refused(string types)
    {
        var decision = DeepLinkingRules.Decide(Settings(List(types)), [Module(1)]);

        AssertRefused(decision, DeepLinkingRefusalCode.TypeNotAccepted);
    }

    [Fact]
    public void Refusal_names_what_the_platform_accepts()
    {
        var decision = DeepLinkingRules.Decide(Settings(["link", "html"]), [Module(1)]);

        Assert.Contains("link, html", decision.Refusal!.Description);
    }

    [Fact]
    public void Missing_accept_types_is_refused()
    {
        var settings = new DeepLinkingSettingsClaim("https://lms.example/deep_links", AcceptTypes: null);

        AssertRefused(DeepLinkingRules.Decide(settings, [Module(1)]), DeepLinkingRefusalCode.TypeNotAccepted);
    }

    [Fact]
    public void Link_item_is_refused_when_links_are_not_accepted()
    {
        var link = new LinkItem { Url = "https://tool.example/syllabus" };

        AssertRefused(DeepLinkingRules.Decide(Settings(["ltiResourceLink"]), [Module(1), link]), DeepLinkingRefusalCode.TypeNotAccepted);
        Assert.True(DeepLinkingRules.Decide(Settings(["ltiResourceLink", "link"]), [Module(1), link]).IsAllowed);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(null)]
    public void Several_items_are_refused_when_the_platform_accepts_one(bool? acceptMultiple)
    {
        var decision = DeepLinkingRules.Decide(Settings(multiple: acceptMultiple), [Module(1), Module(2)]);

        AssertRefused(decision, DeepLinkingRefusalCode.MultipleNotAccepted);
        Assert.Contains("2", decision.Refusal!.Description);
    }

    [Fact]
    public void One_item_is_allowed_when_the_platform_accepts_one()
    {
        var decision = DeepLinkingRules.Decide(Settings(multiple: false), [Module(1)]);

        Assert.True(decision.IsAllowed);
        Assert.Single(decision.Items);
    }

    [Fact]
    public void Several_items_are_returned_in_order_when_the_platform_accepts_several()
    {
        var decision = DeepLinkingRules.Decide(Settings(multiple: true), [Module(1), Module(2), Module(3)]);

        Assert.True(decision.IsAllowed);
        Assert.Equal(["Module 1", "Module 2", "Module 3"], decision.Items.Select(i => i.Title));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(null)]
    [InlineData(true)]
    public void No_items_are_always_allowed_so_the_instructor_can_cancel(bool? acceptMultiple)
    {
        var decision = DeepLinkingRules.Decide(Settings(multiple: acceptMultiple), []);

        Assert.True(decision.IsAllowed);
        Assert.Empty(decision.Items);
        Assert.True(DeepLinkingRules.Decide(Settings(), null).IsAllowed);
    }

    [Fact]
    public void Line_item_dropped_when_platform_does_not_accept_line_items()
    {
        var decision = DeepLinkingRules.Decide(Settings(lineItem: false), [Module(1)]);

        Assert.True(decision.IsAllowed);
        Assert.True(decision.LineItemsDropped);
        Assert.Null(Assert.IsType<LtiResourceLinkItem>(Assert.Single(decision.Items)).LineItem);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(null)]
    public void Line_item_kept_when_platform_accepts_line_items_or_does_not_say(bool? acceptLineItem)
    {
        var decision = DeepLinkingRules.Decide(Settings(lineItem: acceptLineItem), [Module(1)]);

        Assert.False(decision.LineItemsDropped);
        Assert.Equal(new ContentItemLineItem(10m, "Module 1"), Assert.IsType<LtiResourceLinkItem>(Assert.Single(decision.Items)).LineItem);
    }

    [Fact]
    public void Line_items_dropped_is_not_reported_when_no_item_had_one()
    {
        var decision = DeepLinkingRules.Decide(Settings(lineItem: false), [Module(1) with { LineItem = null }]);

        Assert.False(decision.LineItemsDropped);
    }

    [Fact]
    public void Iframe_is_chosen_when_the_platform_accepts_it()
    {
        var decision = DeepLinkingRules.Decide(Settings(targets: ["frame", "iframe", "window"]), [Module(1, new IframePresentation(800, 600), new WindowPresentation("m"))]);

        var item = Assert.IsType<LtiResourceLinkItem>(Assert.Single(decision.Items));
        Assert.Equal(PresentationTarget.Iframe, decision.Presentation);
        Assert.Equal(new IframePresentation(800, 600), item.Iframe);
        Assert.Null(item.Window);
    }

    [Fact]
    public void Iframe_without_sizes_is_added_when_the_item_named_none()
    {
        var item = Assert.IsType<LtiResourceLinkItem>(Assert.Single(DeepLinkingRules.Decide(Settings(targets: ["iframe"]), [Module(1)]).Items));

        Assert.Equal(new IframePresentation(), item.Iframe);
    }

    [Fact]
    public void Window_is_chosen_when_iframe_is_not_accepted()
    {
        var decision = DeepLinkingRules.Decide(Settings(targets: ["window", "embed"]), [Module(1, new IframePresentation(800, 600))]);

        var item = Assert.IsType<LtiResourceLinkItem>(Assert.Single(decision.Items));
        Assert.Equal(PresentationTarget.Window, decision.Presentation);
        Assert.Null(item.Iframe);
        Assert.Equal(new WindowPresentation(), item.Window);
    }

    [Fact]
    public void Item_window_settings_are_kept_when_window_is_chosen()
    {
        var item = Assert.IsType<LtiResourceLinkItem>(Assert.Single(
            DeepLinkingRules.Decide(Settings(targets: ["window"]), [Module(1, window: new WindowPresentation("module", 1024, 768))]).Items));

        Assert.Equal(new WindowPresentation("module", 1024, 768), item.Window);
    }

    [Theory]
    [InlineData("embed")]
    [InlineData("")]
    [InlineData("IFRAME,Window")]
    public void No_presentation_when_neither_iframe_nor_window_is_accepted(string targets)
    {
        var decision = DeepLinkingRules.Decide(Settings(targets: List(targets)), [Module(1, new IframePresentation(1, 1), new WindowPresentation("m"))]);

        var item = Assert.IsType<LtiResourceLinkItem>(Assert.Single(decision.Items));
        Assert.Equal(PresentationTarget.None, decision.Presentation);
        Assert.Null(item.Iframe);
        Assert.Null(item.Window);
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, false)]
    [InlineData(null, false)]
    public void Auto_create_is_reported(bool? autoCreate, bool expected)
    {
        Assert.Equal(expected, DeepLinkingRules.Decide(Settings(autoCreate: autoCreate), [Module(1)]).AutoCreate);
    }

    public static TheoryData<ContentItem> UnusableItems() =>
    [
        new LtiResourceLinkItem { Url = "/lti/launch" },
        new LtiResourceLinkItem { Url = "" },
        new LtiResourceLinkItem { Url = "javascript:alert(1)" },
        new LtiResourceLinkItem { Url = "https://tool.example/lti/launch", LineItem = new ContentItemLineItem(0m) },
        new LtiResourceLinkItem { Url = "https://tool.example/lti/launch", LineItem = new ContentItemLineItem(-5m) },
        new LtiResourceLinkItem { Url = "https://tool.example/lti/launch", Custom = new Dictionary<string, string> { [""] = "x" } },
        new LtiResourceLinkItem
        {
            Url = "https://tool.example/lti/launch",
            Available = new TimeWindow(new DateTimeOffset(2026, 9, 2, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 9, 1, 0, 0, 0, TimeSpan.Zero)),
        },
        new LtiResourceLinkItem
        {
            Url = "https://tool.example/lti/launch",
            Submission = new TimeWindow(new DateTimeOffset(2026, 9, 2, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 9, 1, 0, 0, 0, TimeSpan.Zero)),
        },
    ];

    [Theory]
    [MemberData(nameof(UnusableItems))]
    public void Unusable_item_is_refused_without_throwing(ContentItem item)
    {
        AssertRefused(DeepLinkingRules.Decide(Settings(), [Module(1), item]), DeepLinkingRefusalCode.InvalidItem);
    }

    [Fact]
    public void Null_item_is_refused_without_throwing()
    {
        AssertRefused(DeepLinkingRules.Decide(Settings(), [Module(1), null]), DeepLinkingRefusalCode.InvalidItem);
    }

    [Fact]
    public void Picked_items_are_not_changed()
    {
        var picked = Module(1, new IframePresentation(800, 600));

        DeepLinkingRules.Decide(Settings(targets: ["window"], lineItem: false), [picked]);

        Assert.Equal(new IframePresentation(800, 600), picked.Iframe);
        Assert.NotNull(picked.LineItem);
    }
}
