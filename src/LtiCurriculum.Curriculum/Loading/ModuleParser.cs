using System.Text.RegularExpressions;
using LtiCurriculum.Curriculum.Model;
using Markdig;
using Markdig.Syntax;

namespace LtiCurriculum.Curriculum.Loading;

/// <summary>Where a parsed module's parts are in its file, for problems found later (duplicate ids, translations).</summary>
internal sealed class ModuleSource
{
    /// <summary>File lines of front matter keys (id, kind, minutes, ...); a key that is absent has no entry.</summary>
    public Dictionary<string, int> FrontLines { get; } = new(StringComparer.Ordinal);

    /// <summary>File line of each question's 'id:', in the order of <see cref="Module.Questions"/>.</summary>
    public List<int> QuestionLines { get; } = [];

    public int FrontLine(string key) => FrontLines.TryGetValue(key, out var line) ? line : 1;
}

/// <summary>One module file: YAML front matter between "---" lines, then Markdown with ```question blocks.</summary>
internal static partial class ModuleParser
{
    private static readonly MarkdownPipeline StructurePipeline = new MarkdownPipelineBuilder().UsePipeTables().UsePreciseSourceLocation().Build();

    public static Module? Parse(string text, string packId, string language, ProblemSink problems, ModuleSource? source = null)
    {
        source ??= new ModuleSource();
        var before = problems.Count;
        text = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        var lines = text.Split('\n');
        if (lines.Length == 0 || lines[0].TrimEnd() != "---")
        {
            problems.Add(1, "A module file must start with YAML front matter: a line '---', the fields, and another '---'.");
            return null;
        }
        var close = Array.FindIndex(lines, 1, l => l.TrimEnd() == "---");
        if (close < 0)
        {
            problems.Add(1, "The front matter is never closed: add a line '---' after the fields.");
            return null;
        }

        var front = YamlMap.From(YamlText.Parse(string.Join('\n', lines[1..close]), problems.Shifted(1), "the front matter"), problems.Shifted(1), "The front matter");
        if (front is null)
        {
            return null;
        }
        var frontProblems = problems.Shifted(1);
        var id = front.String("id", required: true, 64);
        if (id is not null && !QuestionReader.IsId(id))
        {
            frontProblems.Add(front.LineOf("id"), $"Module id '{id}' must be 1-64 lower-case letters, digits, '-', '_' or '.'.");
        }
        var title = front.String("title", required: true, 300) ?? "";
        var kind = front.Choice("kind", ["module", "prework"], required: true) == "prework" ? ModuleKind.Prework : ModuleKind.Module;
        var minutes = front.Int("minutes", 1, 240, null);
        var feedback = front.Choice("feedback", ["immediate", "after-submit"], required: false) == "after-submit" ? FeedbackMode.AfterSubmit : FeedbackMode.Immediate;
        var attempts = front.Int("attempts", 1, 20, 1);
        var objectives = front.StringList("objectives", required: true, 12, 500);
        var references = ReadReferences(front, frontProblems);
        front.ReportUnknownKeys();
        foreach (var key in new[] { "id", "kind", "minutes", "feedback", "attempts" }.Where(front.Has))
        {
            source.FrontLines[key] = front.LineOf(key) + 1;
        }

        var numbers = references.ToDictionary(r => r.Id, r => r.Number, StringComparer.Ordinal);
        var body = string.Join('\n', lines[(close + 1)..]);
        var beforeBody = problems.Count;
        var sections = ReadBody(body, problems.Shifted(close + 1), numbers, source);

        // Only when the body itself had nothing wrong: a section whose only question was refused is not "no content".
        if (problems.Count == beforeBody && sections.All(s => s.Blocks.Count == 0))
        {
            problems.Add(close + 2, "The module has no content after its front matter.");
        }
        return problems.Count == before
            ? new Module(id!, packId, language, title, kind, minutes, feedback, attempts, objectives, references, sections)
            : null;
    }

    private static IReadOnlyList<Reference> ReadReferences(YamlMap front, ProblemSink problems)
    {
        var references = new List<Reference>();
        foreach (var map in front.MapList("references", required: false, 60, "a reference"))
        {
            var id = map.String("id", required: true, 64);
            var citation = map.String("citation", required: true, 1000);
            var url = map.String("url", required: false, 2000);
            map.ReportUnknownKeys();
            if (id is not null && !QuestionReader.IsId(id))
            {
                problems.Add(map.LineOf("id"), $"Reference id '{id}' must be lower-case letters, digits, '-', '_' or '.'.");
            }
            else if (id is not null && references.Any(r => r.Id == id))
            {
                problems.Add(map.LineOf("id"), $"Duplicate reference id '{id}'.");
            }
            if (url is not null && (!MarkdownRendering.IsSafeUrl(url) || url.StartsWith('#')))
            {
                problems.Add(map.LineOf("url"), $"Unsafe reference url '{url}': use https: or http:.");
                url = null;
            }
            if (id is not null && citation is not null)
            {
                references.Add(new Reference(id, references.Count + 1, citation, url));
            }
        }
        return references;
    }

    /// <param name="problems">Shifted so that body line 1 is its line in the file.</param>
    private static List<Section> ReadBody(string body, ProblemSink problems, IReadOnlyDictionary<string, int> references, ModuleSource source)
    {
        MarkdownDocument document;
        try
        {
            document = Markdown.Parse(body, StructurePipeline);
        }
        catch (ArgumentException)
        {
            // Markdig's depth limit: refused input, never an exception out of the parser.
            problems.Add(1, MarkdownRendering.TooDeeplyNested);
            return [];
        }
        LazyContinuation.Check(document, body, problems);
        var sections = new List<Section>();
        string? heading = null;
        var blocks = new List<SectionBlock>();
        int? pendingStart = null, pendingEnd = null, pendingLine = null;

        void FlushMarkdown()
        {
            if (pendingStart is { } start)
            {
                // Markdig can end a span one past the text (an unclosed ``` fence at the very end): clamp.
                var chunk = body[start..Math.Min(pendingEnd!.Value + 1, body.Length)];
                var html = MarkdownRendering.Render(chunk, problems, pendingLine!.Value, references);
                if (html.Length > 0) blocks.Add(new TextBlock(html));
            }
            pendingStart = pendingEnd = pendingLine = null;
        }

        void FlushSection()
        {
            FlushMarkdown();
            if (heading is not null || blocks.Count > 0)
            {
                sections.Add(new Section($"section-{sections.Count + 1}", heading, blocks));
            }
            blocks = [];
        }

        foreach (var block in document)
        {
            var line = block.Line + 1;
            switch (block)
            {
                case HeadingBlock { Level: 1 }:
                    problems.Add(line, "Use '##' for section headings; the module title comes from the front matter.");
                    break;
                case HeadingBlock { Level: 2 } h2:
                    FlushSection();
                    heading = InlineText(body, h2, out var rawHeading);
                    if (heading.Length == 0) problems.Add(line, "A section heading is empty.");
                    // Kept as plain text, but the same rules as any Markdown: no HTML, images, unsafe links or unknown citations.
                    MarkdownRendering.Validate(rawHeading, problems, line, references);
                    break;
                case FencedCodeBlock fence when fence.Info == "question":
                    FlushMarkdown();
                    var yaml = fence.Lines.ToString();
                    if (QuestionReader.Read(yaml, problems.Shifted(line), references, out var idLine) is { } question)
                    {
                        blocks.Add(new QuestionBlock(question));
                        source.QuestionLines.Add(idLine);
                    }
                    break;
                default:
                    pendingStart ??= block.Span.Start;
                    pendingLine ??= line;
                    pendingEnd = block.Span.End;
                    break;
            }
        }
        FlushSection();
        return sections;
    }

    private static string InlineText(string body, HeadingBlock heading, out string raw)
    {
        raw = heading.Inline is { } inline && inline.Span.Length > 0 && inline.Span.Start >= 0
            ? body.Substring(inline.Span.Start, Math.Min(inline.Span.Length, body.Length - inline.Span.Start))
            : "";
        return Emphasis().Replace(raw, "").Trim();
    }

    [GeneratedRegex(@"[*_`]")]
    private static partial Regex Emphasis();
}
