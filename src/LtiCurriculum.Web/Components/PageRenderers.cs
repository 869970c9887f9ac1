using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.HtmlRendering.Infrastructure;

#pragma warning disable BL0006 // StaticHtmlRenderer is the framework's public base for static rendering; its root-component calls are what reuse needs.

namespace LtiCurriculum.Web.Components;

/// <summary>
/// Kept renderers for <see cref="HtmlPageResult{TComponent}"/>. Building a renderer (its dispatcher, logger, component
/// factory) was a fifth of a module page's rendering cost when every page built its own; a kept one renders a page,
/// writes it and removes its components, so the next page starts from an empty renderer.
/// Renderers resolve components' injected services from one scope that lives as long as the application: pages
/// inject singletons only, and the request's own <see cref="HttpContext"/> reaches them as a cascading value.
/// </summary>
public sealed class PageRenderers(IServiceScopeFactory scopes, ILoggerFactory loggers) : IDisposable
{
    private const int MaxKept = 16;
    // A renderer only ever counts component ids up; retiring it now and then keeps anything it holds per page bounded.
    private const int RendersPerRenderer = 10_000;
    private readonly IServiceScope _scope = scopes.CreateScope();
    private readonly System.Collections.Concurrent.ConcurrentBag<PageRenderer> _kept = [];
    private int _keptCount;

    /// <summary>Renders <paramref name="root"/> with <paramref name="parameters"/> and writes its HTML to <paramref name="output"/>.</summary>
    public async Task RenderAsync(IComponent root, ParameterView parameters, TextWriter output)
    {
        PageRenderer renderer;
        if (_kept.TryTake(out var kept))
        {
            Interlocked.Decrement(ref _keptCount);
            renderer = kept;
        }
        else
        {
            renderer = new PageRenderer(_scope.ServiceProvider, loggers);
        }
        try
        {
            await renderer.Dispatcher.InvokeAsync(() => renderer.RenderAsync(root, parameters, output));
        }
        catch
        {
            // Whatever a failed page left behind goes with its renderer.
            await renderer.DisposeAsync();
            throw;
        }
        if (renderer.Renders < RendersPerRenderer && Interlocked.Increment(ref _keptCount) <= MaxKept)
        {
            _kept.Add(renderer);
        }
        else
        {
            if (renderer.Renders < RendersPerRenderer)
            {
                Interlocked.Decrement(ref _keptCount);
            }
            await renderer.DisposeAsync();
        }
    }

    public void Dispose()
    {
        while (_kept.TryTake(out var renderer))
        {
            renderer.Dispose();
        }
        _scope.Dispose();
    }

    /// <summary>The framework's static HTML renderer, with a root component added and removed per page.</summary>
    private sealed class PageRenderer(IServiceProvider services, ILoggerFactory loggers) : StaticHtmlRenderer(services, loggers)
    {
        public int Renders { get; private set; }

        /// <summary>Call on <see cref="StaticHtmlRenderer.Dispatcher"/>.</summary>
        public async Task RenderAsync(IComponent root, ParameterView parameters, TextWriter output)
        {
            Renders++;
            var id = AssignRootComponentId(root);
            try
            {
                await RenderRootComponentAsync(id, parameters);
                WriteComponentHtml(id, output);
            }
            finally
            {
                RemoveRootComponent(id);
            }
        }
    }
}
