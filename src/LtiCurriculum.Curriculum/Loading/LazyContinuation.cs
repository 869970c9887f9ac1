using Markdig.Syntax;

namespace LtiCurriculum.Curriculum.Loading;

/// <summary>
/// Finds "lazy continuation" after a list: a line that is not indented to the list item's content, directly
/// under a list item with no blank line between. CommonMark folds such a line into the paragraph of the last
/// item, so a paragraph meant to follow the list renders inside its last bullet. Authors almost never mean it.
/// </summary>
/// <remarks>
/// Works on Markdig's tree, so whatever interrupts a paragraph (headings, fences and question blocks, thematic
/// breaks, a next list item, a nested list) is never a candidate: only lines Markdig really put into a list
/// item's paragraph are checked, and a line is lazy when it starts left of the paragraph's first line.
/// </remarks>
internal static class LazyContinuation
{
    public const string Message =
        "This line follows a list item with no blank line between, so Markdown folds it into the last item of the list. "
        + "Add a blank line before it to start a new paragraph (or indent it to continue the item).";

    /// <param name="problems">Shifted so that body line 1 is its line in the file.</param>
    public static void Check(MarkdownDocument document, string body, ProblemSink problems)
    {
        List<int>? lineStarts = null;
        foreach (var paragraph in document.Descendants<ParagraphBlock>())
        {
            if (paragraph.Parent is not ListItemBlock || InsideQuote(paragraph) || paragraph.Span.Start < 0 || paragraph.Span.End <= paragraph.Span.Start)
            {
                continue;
            }
            lineStarts ??= LineStarts(body);
            var first = paragraph.Line;
            if (first < 0 || first >= lineStarts.Count)
            {
                continue;
            }
            var contentColumn = Column(body, lineStarts[first], Math.Min(paragraph.Span.Start, body.Length));
            var last = LineOf(lineStarts, Math.Min(paragraph.Span.End, body.Length - 1));
            for (var line = first + 1; line <= last; line++)
            {
                var start = lineStarts[line];
                var indent = Indent(body, start, out var textStart);
                // A blank line cannot be inside a paragraph. A line starting with '|' is a pipe-table row, which
                // authors write flush left on purpose: not reported as lazy continuation.
                if (textStart >= body.Length || body[textStart] is '\n' or '|')
                {
                    continue;
                }
                if (indent < contentColumn)
                {
                    problems.Add(line + 1, Message);
                    break;
                }
            }
        }
    }

    private static bool InsideQuote(Block block)
    {
        for (var parent = block.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is QuoteBlock) return true;
        }
        return false;
    }

    private static List<int> LineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n') starts.Add(i + 1);
        }
        return starts;
    }

    private static int LineOf(List<int> lineStarts, int position)
    {
        var index = lineStarts.BinarySearch(position);
        return index >= 0 ? index : ~index - 1;
    }

    /// <summary>The column of <paramref name="position"/> on the line that starts at <paramref name="lineStart"/>, tabs to multiples of 4.</summary>
    private static int Column(string text, int lineStart, int position)
    {
        var column = 0;
        for (var i = lineStart; i < position && i < text.Length; i++)
        {
            column = text[i] == '\t' ? column + 4 - column % 4 : column + 1;
        }
        return column;
    }

    private static int Indent(string text, int lineStart, out int textStart)
    {
        var column = 0;
        var i = lineStart;
        for (; i < text.Length && text[i] is ' ' or '\t'; i++)
        {
            column = text[i] == '\t' ? column + 4 - column % 4 : column + 1;
        }
        textStart = i;
        return column;
    }
}
