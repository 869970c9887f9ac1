using LtiCurriculum.Web.Components;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.Extensions.DependencyInjection;

namespace LtiCurriculum.Web.Tests.Support;

/// <summary>A render fragment's HTML as the tool's page renderers write it.</summary>
internal static class FragmentRendering
{
    public static async Task<string> RenderAsync(ToolInstance tool, RenderFragment fragment)
    {
        using var output = new StringWriter();
        await tool.Services.GetRequiredService<PageRenderers>().RenderAsync(new Host(), ParameterView.FromDictionary(new Dictionary<string, object?> { [nameof(Host.Content)] = fragment }), output);
        return output.ToString();
    }

    private sealed class Host : ComponentBase
    {
        [Parameter] public RenderFragment? Content { get; set; }

        protected override void BuildRenderTree(RenderTreeBuilder builder) => builder.AddContent(0, Content);
    }
}
