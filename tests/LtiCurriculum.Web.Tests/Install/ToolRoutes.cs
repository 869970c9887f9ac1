using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using LtiCurriculum.Web.Tests.Support;

namespace LtiCurriculum.Web.Tests.Install;

/// <summary>What the running app really maps, read from its own endpoint data source.</summary>
internal static class ToolRoutes
{
    /// <summary>The HTTP methods of the endpoints whose route pattern is exactly the path of <paramref name="url"/>.</summary>
    public static IReadOnlySet<string> MethodsAt(ToolInstance tool, string url)
    {
        var path = new Uri(url).AbsolutePath;
        var endpoints = tool.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => "/" + e.RoutePattern.RawText?.TrimStart('/') == path)
            .ToList();
        Assert.True(endpoints.Count > 0, $"No endpoint of the tool has the route {path} (from {url}).");
        return endpoints
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [])
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Asserts <paramref name="url"/> is under the tool's base URL and mapped for every one of <paramref name="methods"/>.</summary>
    public static void AssertEndpoint(ToolInstance tool, string baseUrl, string? url, params string[] methods)
    {
        Assert.NotNull(url);
        Assert.StartsWith(baseUrl + "/", url, StringComparison.Ordinal);
        var mapped = MethodsAt(tool, url);
        foreach (var method in methods)
        {
            Assert.True(mapped.Contains(method), $"{url} does not accept {method}; it accepts {string.Join(", ", mapped)}.");
        }
    }

    /// <summary>Asserts <paramref name="url"/> is under the tool's base URL and a real GET of it answers 200 with an image.</summary>
    public static async Task AssertServedImageAsync(ToolInstance tool, string baseUrl, string? url)
    {
        Assert.NotNull(url);
        Assert.StartsWith(baseUrl + "/", url, StringComparison.Ordinal);
        using var browser = tool.NewBrowser();
        var icon = await browser.GetAsync(tool.Url(new Uri(url).PathAndQuery));
        Assert.Equal(System.Net.HttpStatusCode.OK, icon.Status);
        Assert.StartsWith("image/", icon.Header("Content-Type"), StringComparison.Ordinal);
    }
}
