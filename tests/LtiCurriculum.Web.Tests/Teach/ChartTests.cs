using System.Globalization;
using System.Xml.Linq;
using LtiCurriculum.Curriculum.Readiness;
using LtiCurriculum.Web.Teach.Charts;

namespace LtiCurriculum.Web.Tests.Teach;

public sealed class ChartTests
{
    private static readonly ChartBar[] ThreeBars = [new("Option A", 10, 20), new("Option B", 20, 20), new("Option C", 5, 20)];

    [Fact]
    public async Task Bar_chart_is_an_image_named_by_its_title_and_description()
    {
        var figure = await BarChart(ThreeBars);

        var svg = figure.One("svg");
        Assert.Equal("img", svg.Attr("role"));
        Assert.Equal("q1-title q1-desc", svg.Attr("aria-labelledby"));
        Assert.Equal("Answers to question 1", svg.One("title").Value);
        Assert.Equal("q1-title", svg.One("title").Attr("id"));
        Assert.Equal("Option B was chosen most.", svg.One("desc").Value);
        Assert.Equal("q1-desc", svg.One("desc").Attr("id"));
        Assert.Equal("figure", figure.Name.LocalName);
    }

    [Fact]
    public async Task Bar_chart_draws_one_bar_per_item_with_widths_in_proportion()
    {
        var bars = Bars(await BarChart(ThreeBars));

        Assert.Equal(3, bars.Count);
        var full = bars[1].Number("width");
        Assert.True(full > 200, $"a full bar is {full} units of 360");
        Assert.Equal(0.5, bars[0].Number("width") / full, 2);
        Assert.Equal(0.25, bars[2].Number("width") / full, 2);
    }

    [Fact]
    public async Task Bar_chart_shows_each_label_and_value_as_text()
    {
        var texts = (await BarChart(ThreeBars, unit: "learners")).One("svg").All("text").Select(t => t.Value).ToArray();

        Assert.Equal(["Option A", "10 learners", "Option B", "20 learners", "Option C", "5 learners"], texts);
    }

    [Fact]
    public async Task Zero_maximum_draws_an_empty_bar_instead_of_dividing_by_zero()
    {
        var bars = Bars(await BarChart([new("Nobody answered", 0, 0), new("Over", 5, -1)]));

        Assert.All(bars, bar => Assert.Equal(0, bar.Number("width")));
    }

    [Fact]
    public async Task Values_above_the_maximum_fill_the_bar_and_no_more()
    {
        var bars = Bars(await BarChart([new("Full", 4, 4), new("Too much", 9, 4)]));

        Assert.Equal(bars[0].Number("width"), bars[1].Number("width"));
    }

    [Fact]
    public async Task Data_table_has_a_row_per_bar_with_headers_and_caption()
    {
        var table = (await BarChart(ThreeBars)).One("details").One("table");

        Assert.Equal("Answers to question 1", table.One("caption").Value);
        Assert.Equal(["Option", "Learners"], table.One("thead").All("th").Select(th => th.Value));
        Assert.All(table.One("thead").All("th"), th => Assert.Equal("col", th.Attr("scope")));
        var rows = table.One("tbody").All("tr").ToArray();
        Assert.Equal(3, rows.Length);
        Assert.All(rows, row => Assert.Equal("row", row.One("th").Attr("scope")));
        Assert.Equal(["Option A", "Option B", "Option C"], rows.Select(r => r.One("th").Value));
        Assert.Equal(["10", "20", "5"], rows.Select(r => r.One("td").Value));
        Assert.Equal("Show the data as a table", table.Parent!.One("summary").Value);
    }

    [Fact]
    public async Task Text_is_encoded_never_markup()
    {
        var html = await ChartRendering.HtmlAsync<HorizontalBarChart>(BarParameters(
            [new("<script>alert(1)</script>", 1, 2, ValueText: "<b>1</b>")], title: "A & <i>B</i>"));

        var figure = XElement.Parse(html);
        Assert.Empty(figure.All("script"));
        Assert.Empty(figure.All("b"));
        Assert.Empty(figure.All("i"));
        Assert.Equal("<script>alert(1)</script>", figure.One("tbody").One("th").Value);
        Assert.Equal("A & <i>B</i>", figure.One("title").Value);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Highlighted_bar_is_hatched_and_says_why_in_words()
    {
        var figure = await BarChart([new("Option A", 3, 10), new("Option B", 7, 10, Highlight: true)], highlightNote: "Most chosen wrong");

        var bars = Bars(figure);
        var hatch = figure.One("pattern");
        Assert.Equal("q1-hatch", hatch.Attr("id"));
        Assert.Equal("url(#q1-hatch)", bars[1].Attr("fill"));
        Assert.NotEqual("url(#q1-hatch)", bars[0].Attr("fill"));
        Assert.Equal("Most chosen wrong: Option B", figure.One("svg").All("text").ElementAt(2).Value);
        Assert.Equal("7 (Most chosen wrong)", figure.One("tbody").All("td").Last().Value);
    }

    [Fact]
    public async Task Long_labels_are_shortened_in_the_drawing_and_whole_in_the_table()
    {
        var label = string.Concat(Enumerable.Repeat("Tumour lysis ", 10)).Trim();
        var chinese = string.Concat(Enumerable.Repeat("肿瘤溶解综合征", 6));

        var figure = await BarChart([new(label, 1, 2), new(chinese, 1, 2)]);

        var drawn = figure.One("svg").All("text").Where((_, i) => i % 2 == 0).Select(t => t.Value).ToArray();
        Assert.All(drawn, text => Assert.EndsWith("…", text, StringComparison.Ordinal));
        Assert.StartsWith("Tumour lysis Tumour", drawn[0], StringComparison.Ordinal);
        Assert.True(drawn[1].Length < 30, drawn[1]);
        Assert.Equal([label, chinese], figure.One("tbody").All("th").Select(th => th.Value));
    }

    [Fact]
    public async Task Drawing_numbers_stay_invariant_under_a_comma_decimal_culture()
    {
        var figure = await ChartRendering.InCultureAsync("es-ES", () => BarChart([new("Uno", 1, 3), new("Dos", 2.5m, 3)]));

        Assert.Matches(@"^0 0 360 [0-9.]+$", figure.One("svg").Attr("viewBox"));
        Assert.All(Bars(figure), bar => Assert.DoesNotContain(",", bar.Attr("width"), StringComparison.Ordinal));
        Assert.Equal("2,5", figure.One("tbody").All("td").Last().Value);
    }

    [Fact]
    public async Task Chart_without_bars_says_so_and_draws_nothing()
    {
        var figure = await BarChart([]);

        Assert.Empty(figure.All("svg"));
        Assert.Empty(figure.All("table"));
        Assert.Equal("No data yet.", figure.One("p").Value);
    }

    [Fact]
    public async Task Ids_are_unique_across_charts_on_one_page()
    {
        var page = XElement.Parse("<body>"
            + await ChartRendering.HtmlAsync<HorizontalBarChart>(BarParameters(ThreeBars, id: "q1", highlightNote: null))
            + await ChartRendering.HtmlAsync<HorizontalBarChart>(BarParameters(ThreeBars, id: "q2", highlightNote: null))
            + await ChartRendering.HtmlAsync<StackedBar>(StackedParameters(Readiness(1, 2, 3, 4)))
            + "</body>");

        var ids = page.Descendants().Select(e => e.Attr("id")).OfType<string>().ToArray();
        Assert.Equal(ids.Length, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.Contains("q2-title", ids);
        foreach (var referenced in page.All("svg").SelectMany(s => (s.Attr("aria-labelledby") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries)))
        {
            Assert.Contains(referenced, ids);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("two words")]
    public async Task Chart_id_that_aria_labelledby_cannot_carry_is_refused(string id)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => ChartRendering.HtmlAsync<HorizontalBarChart>(BarParameters(ThreeBars, id: id)));
    }

    [Fact]
    public async Task Readiness_bar_is_an_image_with_one_segment_per_state_in_proportion()
    {
        var figure = await ChartRendering.RenderAsync<StackedBar>(StackedParameters(Readiness(notStarted: 1, inProgress: 2, submitted: 4, late: 1)));

        var svg = Assert.Single(figure.All("svg"), s => s.Attr("role") == "img");
        Assert.Equal("img", svg.Attr("role"));
        Assert.Equal("ready-title ready-desc", svg.Attr("aria-labelledby"));
        Assert.Equal("Class readiness", svg.One("title").Value);
        Assert.Equal("5 of 8 learners are ready.", svg.One("desc").Value);
        var segments = svg.All("rect").Where(r => r.HasClass("chart-segment")).ToArray();
        Assert.Equal([45, 90, 180, 45], segments.Select(s => s.Number("width")));
        Assert.Equal([0, 45, 135, 315], segments.Select(s => s.Number("x")));
    }

    [Fact]
    public async Task Each_state_has_its_own_pattern_and_a_legend_in_words()
    {
        var figure = await ChartRendering.InCultureAsync("en-US", () =>
            ChartRendering.RenderAsync<StackedBar>(StackedParameters(Readiness(notStarted: 1, inProgress: 2, submitted: 4, late: 1))));

        var patternIds = figure.All("pattern").Select(p => p.Attr("id")).ToArray();
        var fills = figure.All("rect").Where(r => r.HasClass("chart-segment")).Select(r => r.Attr("fill")).ToArray();
        Assert.Equal(4, fills.Distinct().Count());
        Assert.All(fills, fill => Assert.Contains(fill![5..^1], patternIds));
        Assert.Equal(
            ["Not started: 1 (13%)", "In progress: 2 (25%)", "Submitted: 4 (50%)", "Late: 1 (13%)"],
            figure.One("ul").All("li").Select(li => li.One("span").Value));
        Assert.All(figure.One("ul").All("svg"), swatch => Assert.Equal("true", swatch.Attr("aria-hidden")));
    }

    [Fact]
    public async Task Readiness_table_has_a_row_per_state()
    {
        var table = (await ChartRendering.InCultureAsync("en-US", () =>
            ChartRendering.RenderAsync<StackedBar>(StackedParameters(Readiness(0, 0, 3, 1))))).One("table");

        Assert.Equal("Class readiness", table.One("caption").Value);
        Assert.Equal(["State", "Learners", "Share"], table.One("thead").All("th").Select(th => th.Value));
        var rows = table.One("tbody").All("tr").ToArray();
        Assert.Equal(4, rows.Length);
        Assert.Equal(["Late", "1", "25%"], rows[3].Elements().Select(e => e.Value));
        Assert.Equal("row", rows[3].One("th").Attr("scope"));
    }

    [Fact]
    public async Task Empty_class_draws_no_segment_widths_and_zero_shares()
    {
        var figure = await ChartRendering.InCultureAsync("en-US", () =>
            ChartRendering.RenderAsync<StackedBar>(StackedParameters(Readiness(0, 0, 0, 0))));

        Assert.All(figure.All("rect").Where(r => r.HasClass("chart-segment")), s => Assert.Equal(0, s.Number("width")));
        Assert.All(figure.One("tbody").All("tr"), row => Assert.Equal("0%", row.All("td").Last().Value));
    }

    [Fact]
    public void Readiness_segments_follow_the_dashboard_order_with_their_counts()
    {
        var segments = StackedSegment.ForReadiness(Readiness(1, 2, 3, 4), state => state.ToString());

        Assert.Equal(["NotStarted", "InProgress", "Submitted", "Late"], segments.Select(s => s.Label));
        Assert.Equal([1, 2, 3, 4], segments.Select(s => s.Count));
        Assert.Equal(4, segments.Select(s => s.Pattern).Distinct().Count());
    }

    private static ClassReadiness Readiness(int notStarted, int inProgress, int submitted, int late) =>
        new(notStarted + inProgress + submitted + late, notStarted, inProgress, submitted, late);

    private static List<XElement> Bars(XElement figure) => [.. figure.All("rect").Where(r => r.HasClass("chart-bar"))];

    private static Task<XElement> BarChart(IReadOnlyList<ChartBar> bars, string unit = "", string? highlightNote = null) =>
        ChartRendering.RenderAsync<HorizontalBarChart>(BarParameters(bars, unit: unit, highlightNote: highlightNote));

    private static Dictionary<string, object?> BarParameters(
        IReadOnlyList<ChartBar> bars, string id = "q1", string title = "Answers to question 1", string unit = "", string? highlightNote = null) => new()
    {
        [nameof(HorizontalBarChart.Id)] = id,
        [nameof(HorizontalBarChart.Title)] = title,
        [nameof(HorizontalBarChart.Description)] = "Option B was chosen most.",
        [nameof(HorizontalBarChart.Bars)] = bars,
        [nameof(HorizontalBarChart.Unit)] = unit,
        [nameof(HorizontalBarChart.HighlightNote)] = highlightNote,
        [nameof(HorizontalBarChart.LabelHeader)] = "Option",
        [nameof(HorizontalBarChart.ValueHeader)] = "Learners",
    };

    private static Dictionary<string, object?> StackedParameters(ClassReadiness readiness) => new()
    {
        [nameof(StackedBar.Id)] = "ready",
        [nameof(StackedBar.Title)] = "Class readiness",
        [nameof(StackedBar.Description)] = string.Create(CultureInfo.InvariantCulture, $"{readiness.Ready} of {readiness.Learners} learners are ready."),
        [nameof(StackedBar.Segments)] = StackedSegment.ForReadiness(readiness, state => state switch
        {
            ReadinessState.NotStarted => "Not started",
            ReadinessState.InProgress => "In progress",
            ReadinessState.Submitted => "Submitted",
            _ => "Late",
        }),
    };
}
