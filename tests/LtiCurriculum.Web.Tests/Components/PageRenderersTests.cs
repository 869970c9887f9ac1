using LtiCurriculum.Web.Components;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace LtiCurriculum.Web.Tests.Components;

/// <summary>Kept renderers render each page from scratch: nothing of one page shows in the next, and a failed page leaves no trace.</summary>
public sealed class PageRenderersTests : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().BuildServiceProvider(validateScopes: true);
    private readonly PageRenderers _renderers;
    private readonly Removed _removed = new();

    public PageRenderersTests()
    {
        _renderers = new PageRenderers(_services.GetRequiredService<IServiceScopeFactory>(), NullLoggerFactory.Instance);
    }

    [Fact]
    public async Task Each_page_renders_only_its_own_markup_and_its_components_are_removed_after()
    {
        for (var i = 0; i < 50; i++)
        {
            var text = i % 2 == 0 ? $"first <{i}>" : $"second {i}";
            Assert.Equal($"<p class=\"greeting\">{System.Net.WebUtility.HtmlEncode(text)}</p>", await RenderAsync(text));
            // The renderer is kept, but the page's component was disposed with it: nothing piles up in it page after page.
            Assert.Equal(i + 1, _removed.Count);
        }
    }

    [Fact]
    public async Task A_page_that_throws_fails_alone_and_the_next_page_renders()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => RenderAsync(Greeting.Broken));
        Assert.Equal("broken page", error.Message);
        Assert.Equal("<p class=\"greeting\">after</p>", await RenderAsync("after"));
    }

    [Fact]
    public async Task Pages_render_side_by_side()
    {
        var pages = await Task.WhenAll(Enumerable.Range(0, 64).Select(i => Task.Run(() => RenderAsync($"page {i}"))));
        Assert.Equal(Enumerable.Range(0, 64).Select(i => $"<p class=\"greeting\">page {i}</p>"), pages);
    }

    private async Task<string> RenderAsync(string text)
    {
        using var output = new StringWriter();
        await _renderers.RenderAsync(new Greeting(), ParameterView.FromDictionary(new Dictionary<string, object?> { [nameof(Greeting.Text)] = text, [nameof(Greeting.Removed)] = _removed }), output);
        return output.ToString();
    }

    public void Dispose()
    {
        _renderers.Dispose();
        _services.Dispose();
    }

    private sealed class Removed
    {
        public int Count;
    }

    private sealed class Greeting : ComponentBase, IDisposable
    {
        public const string Broken = "\u0000broken";

        [Parameter] public string Text { get; set; } = "";

        [Parameter] public Removed? Removed { get; set; }

        public void Dispose() => Interlocked.Increment(ref Removed!.Count);

        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            if (Text == Broken)
            {
                throw new InvalidOperationException("broken page");
            }
            builder.OpenElement(0, "p");
            builder.AddAttribute(1, "class", "greeting");
            builder.AddContent(2, Text);
            builder.CloseElement();
        }
    }
}
