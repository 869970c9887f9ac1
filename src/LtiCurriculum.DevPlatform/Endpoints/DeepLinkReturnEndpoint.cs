using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.Tokens;

namespace LtiCurriculum.DevPlatform;

/// <summary>
/// POST /dev-platform/deep-link-return: the deep_link_return_url. Shows which content items the tool sent back.
/// The response's signature is not checked yet: the platform does not know the tool's keys.
/// </summary>
internal static class DeepLinkReturnEndpoint
{
    private const string Heading = "The deep linking response could not be read";

    public static async Task<IResult> HandleAsync(HttpRequest request)
    {
        var urls = PlatformUrls.For(request);
        var form = request.HasFormContentType ? await request.ReadFormAsync(request.HttpContext.RequestAborted) : FormCollection.Empty;
        var payload = ReadPayload(form["JWT"].ToString());
        if (payload is null)
        {
            return MessagePages.BadField(urls, Heading, "JWT", "is missing or is not a JSON Web Token");
        }

        using (payload)
        {
            return DeepLinkResponsePage.Render(urls, payload.RootElement);
        }
    }

    private static JsonDocument? ReadPayload(string jwt)
    {
        var parts = jwt.Split('.');
        if (parts.Length != 3)
        {
            return null;
        }

        try
        {
            var document = JsonDocument.Parse(Base64UrlEncoder.DecodeBytes(parts[1]));
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                return document;
            }

            document.Dispose();
            return null;
        }
        catch (Exception exception) when (exception is FormatException or JsonException or ArgumentException)
        {
            return null;
        }
    }
}
