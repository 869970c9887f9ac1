using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using LtiCurriculum.Curriculum.Model;
using LtiCurriculum.Web.Components;
using Microsoft.AspNetCore.Components;

namespace LtiCurriculum.Web.Learn.Pages;

/// <summary>
/// A module's body as every learner first sees it (no answer yet, no error) kept as markup with gaps for the three
/// values that differ between learners: the session token, the form token and the attempt id in each question's form.
/// The markup comes from <see cref="ModuleBody.Render"/> itself, rendered once per module, language and mode with
/// placeholder values and cut at them; it is kept only if filling it with other values gives exactly what rendering
/// with those values gives. A first module page then writes the kept markup and the encoded values instead of
/// rendering a few hundred elements: the body was more than half of such a page's render (about 75 of 135 µs of
/// thread CPU in the first-launch benchmark).
/// Until a body is ready (it is built in the background on first use) and for pages with answers or an error, pages
/// render the body as before. Kept weakly per loaded module: a pack reload makes new modules, and their bodies go
/// with the old ones.
/// </summary>
public sealed partial class FreshModuleBodies(PageRenderers renderers, IServiceProvider services, ILogger<FreshModuleBodies> logger)
{
    private readonly HtmlEncoder _encoder = services.GetService<HtmlEncoder>() ?? HtmlEncoder.Default;
    private readonly ConditionalWeakTable<Module, Kept> _kept = [];

    /// <summary>
    /// The body of <paramref name="module"/> with no answers and no error, for these values; null while it is not
    /// ready (then its building starts) or when it cannot be kept.
    /// </summary>
    public RenderFragment? Find(Module module, LearnText text, bool editable, bool showFeedback, string token, string formToken, int attemptId)
    {
        var kept = _kept.GetValue(module, static _ => new Kept());
        var mode = new Mode(text, editable, showFeedback);
        if (kept.TryGet(mode, out var body))
        {
            return body?.Fill(_encoder.Encode(token), _encoder.Encode(formToken), attemptId.ToString(CultureInfo.InvariantCulture));
        }
        if (kept.TryStart(mode))
        {
            _ = Task.Run(async () => kept.Set(mode, await BuildOrLogAsync(module, mode)));
        }
        return null;
    }

    /// <summary>Builds the kept body for one mode (null when filling it would not give the rendered markup).</summary>
    public async Task<BodyTemplate?> BuildAsync(Module module, LearnText text, bool editable, bool showFeedback) =>
        await BuildAsync(module, new Mode(text, editable, showFeedback));

    private async Task<BodyTemplate?> BuildOrLogAsync(Module module, Mode mode)
    {
        try
        {
            return await BuildAsync(module, mode);
        }
        catch (Exception ex)
        {
            LogBuildFailed(ex, module.Id);
            return null;
        }
    }

    private async Task<BodyTemplate?> BuildAsync(Module module, Mode mode)
    {
        var placeholders = Values.Random();
        var template = BodyTemplate.Cut(await RenderAsync(module, mode, placeholders), placeholders);
        if (template is null)
        {
            return null;
        }
        // Whatever else the values might change (an id made from the attempt, say) shows here.
        var check = Values.Random();
        var expected = await RenderAsync(module, mode, check);
        return template.FillToString(_encoder.Encode(check.Token), _encoder.Encode(check.FormToken), check.AttemptId.ToString(CultureInfo.InvariantCulture)) == expected
            ? template
            : null;
    }

    private async Task<string> RenderAsync(Module module, Mode mode, Values values)
    {
        var form = new ModuleBodyForm(mode.Text, module, new Dictionary<string, string>(), values.AttemptId, mode.Editable, mode.ShowFeedback,
            values.Token, values.FormToken, Error: null);
        using var output = new StringWriter();
        await renderers.RenderAsync(new ModuleBody(), ParameterView.FromDictionary(new Dictionary<string, object?> { [nameof(ModuleBody.Form)] = form }), output);
        return output.ToString();
    }

    private readonly record struct Mode(LearnText Text, bool Editable, bool ShowFeedback)
    {
        public bool Is(Mode other) => ReferenceEquals(Text, other.Text) && Editable == other.Editable && ShowFeedback == other.ShowFeedback;
    }

    /// <summary>Placeholder values no content contains (and if one did, cutting fails and the body is not kept).</summary>
    internal sealed record Values(string Token, string FormToken, int AttemptId)
    {
        public static Values Random() => new(
            "token" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12)),
            "form" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12)),
            RandomNumberGenerator.GetInt32(1_000_000_000, int.MaxValue));
    }

    /// <summary>The kept bodies of one module, by mode (three languages, two flags: a handful at most).</summary>
    private sealed class Kept
    {
        private readonly Lock _gate = new();
        private readonly List<(Mode Mode, BodyTemplate? Body, bool Ready)> _entries = [];

        public bool TryGet(Mode mode, out BodyTemplate? body)
        {
            lock (_gate)
            {
                foreach (var entry in _entries)
                {
                    if (entry.Mode.Is(mode))
                    {
                        body = entry.Body;
                        return entry.Ready;
                    }
                }
            }
            body = null;
            return false;
        }

        /// <summary>True for the one caller that should build this mode's body.</summary>
        public bool TryStart(Mode mode)
        {
            lock (_gate)
            {
                if (_entries.Exists(e => e.Mode.Is(mode)))
                {
                    return false;
                }
                _entries.Add((mode, null, false));
                return true;
            }
        }

        public void Set(Mode mode, BodyTemplate? body)
        {
            lock (_gate)
            {
                var i = _entries.FindIndex(e => e.Mode.Is(mode));
                _entries[i] = (mode, body, true);
            }
        }
    }

    /// <summary>Rendered markup cut at the three values: literal, gap, literal, gap, …, literal.</summary>
    public sealed class BodyTemplate
    {
        private const int TokenGap = 0, FormTokenGap = 1, AttemptGap = 2;
        private readonly string[] _literals;
        private readonly int[] _gaps;

        private BodyTemplate(string[] literals, int[] gaps) => (_literals, _gaps) = (literals, gaps);

        /// <summary>Null when a placeholder is missing (a body without questions needs no template either).</summary>
        internal static BodyTemplate? Cut(string html, Values placeholders)
        {
            var literals = new List<string>();
            var gaps = new List<int>();
            var start = 0;
            while (true)
            {
                var (at, gap, length) = Next(html, start, placeholders);
                if (at < 0)
                {
                    break;
                }
                literals.Add(html[start..at]);
                gaps.Add(gap);
                start = at + length;
            }
            literals.Add(html[start..]);
            return gaps.Count == 0 ? null : new BodyTemplate([.. literals], [.. gaps]);
        }

        private static (int At, int Gap, int Length) Next(string html, int start, Values placeholders)
        {
            var attempt = placeholders.AttemptId.ToString(CultureInfo.InvariantCulture);
            (int At, int Gap, int Length) next = (-1, 0, 0);
            foreach (var (value, gap) in new[] { (placeholders.Token, TokenGap), (placeholders.FormToken, FormTokenGap), (attempt, AttemptGap) })
            {
                var at = html.IndexOf(value, start, StringComparison.Ordinal);
                if (at >= 0 && (next.At < 0 || at < next.At))
                {
                    next = (at, gap, value.Length);
                }
            }
            return next;
        }

        /// <summary>The markup with the gaps filled by already encoded values.</summary>
        public RenderFragment Fill(string token, string formToken, string attemptId) => builder =>
        {
            for (var i = 0; i < _gaps.Length; i++)
            {
                builder.AddMarkupContent(0, _literals[i]);
                builder.AddMarkupContent(1, Value(_gaps[i], token, formToken, attemptId));
            }
            builder.AddMarkupContent(2, _literals[^1]);
        };

        internal string FillToString(string token, string formToken, string attemptId)
        {
            var html = new System.Text.StringBuilder();
            for (var i = 0; i < _gaps.Length; i++)
            {
                html.Append(_literals[i]).Append(Value(_gaps[i], token, formToken, attemptId));
            }
            return html.Append(_literals[^1]).ToString();
        }

        private static string Value(int gap, string token, string formToken, string attemptId) =>
            gap switch { TokenGap => token, FormTokenGap => formToken, _ => attemptId };
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Keeping the first-view body of module {ModuleId} failed; its pages render it in full")]
    private partial void LogBuildFailed(Exception exception, string moduleId);
}
