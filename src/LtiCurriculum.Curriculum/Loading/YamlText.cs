using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace LtiCurriculum.Curriculum.Loading;

internal static class YamlText
{
    /// <summary>Deeper than any pack needs; far below what would overflow the stack in YamlDotNet's recursive node loader.</summary>
    public const int MaxDepth = 64;

    /// <summary>The single document's root node, or null with the parser's complaint and line.</summary>
    public static YamlNode? Parse(string text, ProblemSink problems, string what)
    {
        try
        {
            if (!Prescan(text, problems, what))
            {
                return null;
            }
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            if (stream.Documents.Count != 1)
            {
                problems.Add(1, $"{what} must be exactly one YAML document.");
                return null;
            }
            return stream.Documents[0].RootNode;
        }
        catch (YamlException ex)
        {
            var message = (ex.InnerException as YamlException)?.Message ?? ex.Message;
            problems.Add((int)ex.Start.Line, $"Broken YAML in {what}: {message}");
            return null;
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or IndexOutOfRangeException or NullReferenceException)
        {
            // YamlDotNet sometimes fails with other exceptions on broken input (an unclosed "[" spanning lines
            // gives InvalidOperationException); the prescan normally catches these with a line first.
            problems.Add(0, $"Broken YAML in {what}: {ex.Message}");
            return null;
        }
    }

    /// <summary>
    /// Walks the events with YamlDotNet's iterative parser before the (recursive) node loader sees the text:
    /// deep nesting would overflow the stack, which no catch can stop, and a list or alias used as a mapping key
    /// is hashed in full, so an alias bomb as a key takes exponential time. Packs need neither.
    /// </summary>
    private static bool Prescan(string text, ProblemSink problems, string what)
    {
        var parser = new Parser(new StringReader(text));
        // For each open collection: is it a mapping, and is its next node a key?
        var open = new Stack<(bool Mapping, bool AtKey)>();
        var lastLine = 1;
        while (true)
        {
            try
            {
                if (!parser.MoveNext())
                {
                    return true;
                }
            }
            catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or IndexOutOfRangeException or NullReferenceException)
            {
                problems.Add(lastLine, $"Broken YAML in {what}: the parser stopped after this line; check for an unclosed bracket, brace or quote.");
                return false;
            }
            var current = parser.Current!;
            lastLine = (int)current.End.Line;
            // An alias (AnchorAlias) is not a NodeEvent but takes a node's place all the same.
            if (current is NodeEvent or AnchorAlias && open.TryPeek(out var parent) && parent.Mapping)
            {
                if (parent.AtKey && current is not Scalar)
                {
                    problems.Add((int)current.Start.Line, $"Broken YAML in {what}: a key must be plain text, not a list, a mapping or an alias.");
                    return false;
                }
                open.Pop();
                open.Push((true, !parent.AtKey));
            }
            switch (current)
            {
                case MappingStart or SequenceStart when open.Count >= MaxDepth:
                    problems.Add((int)current.Start.Line, $"Broken YAML in {what}: nested more than {MaxDepth} levels deep.");
                    return false;
                case MappingStart:
                    open.Push((true, true));
                    break;
                case SequenceStart:
                    open.Push((false, false));
                    break;
                case MappingEnd or SequenceEnd:
                    open.TryPop(out _);
                    break;
            }
        }
    }
}
