using System.Globalization;
using System.Xml.Linq;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LtiCurriculum.Web.Tests.Teach;

/// <summary>Renders a component to HTML the way the server does, and reads it back as XML (the charts write well-formed markup).</summary>
internal static class ChartRendering
{
    public static async Task<string> HtmlAsync<TComponent>(IDictionary<string, object?> parameters) where TComponent : IComponent
    {
        await using var services = new ServiceCollection().AddLogging().BuildServiceProvider();
        await using var renderer = new HtmlRenderer(services, services.GetRequiredService<ILoggerFactory>());
        return await renderer.Dispatcher.InvokeAsync(async () =>
            (await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters))).ToHtmlString());
    }

    public static async Task<XElement> RenderAsync<TComponent>(IDictionary<string, object?> parameters) where TComponent : IComponent =>
        XElement.Parse(await HtmlAsync<TComponent>(parameters));

    /// <summary>Elements by local name, whether in the SVG namespace or not.</summary>
    public static IEnumerable<XElement> All(this XElement root, string name) => root.DescendantsAndSelf().Where(e => e.Name.LocalName == name);

    public static XElement One(this XElement root, string name) => Assert.Single(root.All(name));

    public static string? Attr(this XElement element, string name) => element.Attribute(name)?.Value;

    public static double Number(this XElement element, string attribute) =>
        double.Parse(element.Attr(attribute) ?? throw new InvalidOperationException($"no {attribute} on <{element.Name.LocalName}>"), NumberStyles.Float, CultureInfo.InvariantCulture);

    public static bool HasClass(this XElement element, string name) => (element.Attr("class") ?? "").Split(' ').Contains(name);

    /// <summary>Runs <paramref name="action"/> under another current culture, then puts the old one back.</summary>
    public static async Task<T> InCultureAsync<T>(string culture, Func<Task<T>> action)
    {
        var (before, beforeUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            return await action();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (before, beforeUi);
        }
    }
}
