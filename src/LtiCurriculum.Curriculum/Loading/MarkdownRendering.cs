using System.Text.RegularExpressions;
using Ganss.Xss;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace LtiCurriculum.Curriculum.Loading;

/// <summary>
/// Pack Markdown to safe HTML. The validator refuses raw HTML, images and unsafe links with their line;
/// the sanitizer still runs on every output, so even a validator gap cannot put script on a page.
/// </summary>
internal static partial class MarkdownRendering
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseListExtras()
        .UsePreciseSourceLocation()
        .Build();

    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    /// <summary>Renders Markdown that starts on <paramref name="firstLine"/> (1-based) of its file.</summary>
    public static string Render(string markdown, ProblemSink problems, int firstLine, IReadOnlyDictionary<string, int> references, bool inline = false)
    {
        string rendered;
        try
        {
            var document = Markdown.Parse(markdown, Pipeline);
            Check(document, problems, firstLine);
            rendered = document.ToHtml(Pipeline);
        }
        catch (ArgumentException)
        {
            // Markdig's depth limit ("too deeply nested"): hostile or broken input, not a reason to throw.
            problems.Add(firstLine, TooDeeplyNested);
            return "";
        }
        CheckCitations(markdown, problems, firstLine, references);

        var html = Sanitizer.Sanitize(rendered).Trim();
        if (inline && html.StartsWith("<p>", StringComparison.Ordinal) && html.EndsWith("</p>", StringComparison.Ordinal) && html.IndexOf("<p>", 3, StringComparison.Ordinal) < 0)
        {
            html = html[3..^4];
        }
        // Tags (the sanitizer writes every attribute value double-quoted) and code are copied as they are:
        // a [@id] inside an attribute or a code span is not a citation.
        return TagCodeOrCitation().Replace(html, match =>
            match.Groups["id"].Success && references.TryGetValue(match.Groups["id"].Value, out var number)
                ? $"<sup class=\"cite\"><a href=\"#ref-{match.Groups["id"].Value}\" aria-label=\"Reference {number}\">[{number}]</a></sup>"
                : match.Value);
    }

    public const string TooDeeplyNested = "The Markdown is nested too deeply to render.";

    /// <summary>Reports raw HTML, images, unsafe links and unknown citations in Markdown that is kept as plain text (a heading).</summary>
    public static void Validate(string markdown, ProblemSink problems, int firstLine, IReadOnlyDictionary<string, int> references)
    {
        try
        {
            Check(Markdown.Parse(markdown, Pipeline), problems, firstLine);
        }
        catch (ArgumentException)
        {
            problems.Add(firstLine, TooDeeplyNested);
            return;
        }
        CheckCitations(markdown, problems, firstLine, references);
    }

    private static void Check(MarkdownDocument document, ProblemSink problems, int firstLine)
    {
        foreach (var node in document.Descendants())
        {
            var line = firstLine + node.Line;
            switch (node)
            {
                case HtmlBlock or HtmlInline:
                    problems.Add(line, "Raw HTML is not allowed in packs; use Markdown.");
                    break;
                case LinkInline { IsImage: true }:
                    problems.Add(line, "Images are not supported in packs yet.");
                    break;
                case LinkInline link when !IsSafeUrl(link.Url):
                    problems.Add(line, $"Unsafe link '{Shorten(link.Url)}': links must use https:, http:, mailto: or an in-page #anchor.");
                    break;
                case AutolinkInline autolink when !IsSafeUrl(autolink.IsEmail ? "mailto:" + autolink.Url : autolink.Url):
                    problems.Add(line, $"Unsafe link '{Shorten(autolink.Url)}': links must use https:, http: or mailto:.");
                    break;
            }
        }
    }

    private static void CheckCitations(string markdown, ProblemSink problems, int firstLine, IReadOnlyDictionary<string, int> references)
    {
        foreach (Match match in Citation().Matches(markdown))
        {
            if (!references.ContainsKey(match.Groups[1].Value))
            {
                var line = firstLine + markdown.AsSpan(0, match.Index).Count('\n');
                problems.Add(line, $"Citation [@{match.Groups[1].Value}] names no entry in this module's references.");
            }
        }
    }

    public static bool IsSafeUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return false;
        }
        if (url.StartsWith('#'))
        {
            return url.Length > 1;
        }
        return Uri.TryCreate(url, UriKind.Absolute, out var uri)
            && (uri.Scheme is "https" or "http" && !string.IsNullOrEmpty(uri.Host) || uri.Scheme == "mailto");
    }

    private static string Shorten(string? url) => url is null ? "" : url.Length > 80 ? url[..80] + "…" : url;

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.Add("https");
        sanitizer.AllowedSchemes.Add("http");
        sanitizer.AllowedSchemes.Add("mailto");
        sanitizer.AllowedAttributes.Add("target");
        sanitizer.AllowedAttributes.Add("rel");
        sanitizer.AllowedTags.Remove("img");
        sanitizer.AllowedTags.Remove("form");
        sanitizer.AllowedTags.Remove("input");
        sanitizer.AllowedTags.Remove("button");
        sanitizer.AllowedTags.Remove("select");
        sanitizer.AllowedTags.Remove("textarea");
        sanitizer.AllowedAttributes.Remove("style");
        sanitizer.AllowedAttributes.Remove("class");
        sanitizer.AllowedAttributes.Remove("id");
        // Outside links leave the LMS frame in a new tab, with no handle back to this page.
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement { TagName: "A" } anchor && anchor.GetAttribute("href") is { } href && !href.StartsWith('#'))
            {
                anchor.SetAttribute("target", "_blank");
                anchor.SetAttribute("rel", "noopener noreferrer");
            }
        };
        return sanitizer;
    }

    // Same characters as reference ids (QuestionReader.IsId), '.' included.
    [GeneratedRegex(@"\[@([a-z0-9][a-z0-9._-]{0,63})\]")]
    private static partial Regex Citation();

    [GeneratedRegex(@"<code>[\s\S]*?</code>|<(?:[^"">]|""[^""]*"")*>|\[@(?<id>[a-z0-9][a-z0-9._-]{0,63})\]")]
    private static partial Regex TagCodeOrCitation();
}
