using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;

namespace LtiCurriculum.DevPlatform;

/// <summary>
/// A whole HTML page with the platform's layout and headers: a Content-Security-Policy whose per-response nonce is the
/// only way script and style run, no caching (pages can hold id_tokens), no sniffing, same-origin referrers.
/// <paramref name="script"/> is a page's own script; <paramref name="frameOrigin"/> the origins it may frame;
/// <paramref name="bodyAttributes"/> (already encoded) what the script reads from the body; <paramref name="formActionOrigin"/>
/// another origin its forms may post to (the tool's, when the tool runs elsewhere).
/// </summary>
internal sealed class HtmlPage(
    string title, string bodyHtml, int statusCode = StatusCodes.Status200OK, string? autoSubmitFormId = null, string? script = null, string? frameOrigin = null,
    string? bodyAttributes = null, string? formActionOrigin = null)
    : IResult
{
    private const string Styles =
        "body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;margin:0;padding:1rem;line-height:1.5;color:#1b1b1b;background:#fff}" +
        "main{max-width:60rem;margin:0 auto}" +
        "h1{font-size:1.6rem;line-height:1.25}h2{font-size:1.3rem;margin-top:2rem}h3{font-size:1.1rem}" +
        "section{border-top:1px solid #c8c8c8}" +
        "code,dd,p{overflow-wrap:anywhere}" +
        ".buttons{display:flex;flex-wrap:wrap;gap:.5rem}" +
        "button,select{font:inherit;min-height:2.75rem;max-width:100%}" +
        "button{padding:.5rem .9rem;border:2px solid #1d4ed8;background:#1d4ed8;color:#fff;border-radius:.3rem;cursor:pointer;text-align:left}" +
        "button.secondary{background:#fff;color:#1d4ed8}" +
        "button:focus-visible,select:focus-visible,input:focus-visible,a:focus-visible{outline:3px solid #b45309;outline-offset:2px}" +
        "fieldset{border:1px solid #c8c8c8;margin:0 0 1rem;padding:.5rem 1rem;min-width:0}" +
        "label{margin-right:1rem}" +
        "dt{font-weight:600}dd{margin:0 0 .5rem}" +
        ".error{border-left:.4rem solid #b91c1c;padding-left:.75rem}" +
        ".scroll{overflow-x:auto}table{border-collapse:collapse}caption{text-align:left;font-weight:600}" +
        "th,td{border:1px solid #c8c8c8;padding:.25rem .5rem;text-align:left;vertical-align:top}" +
        ".visually-hidden{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0,0,0,0);white-space:nowrap;border:0}" +
        ".links{list-style:none;padding:0;margin:0}" +
        ".links li{border:1px solid #c8c8c8;border-radius:.3rem;padding:.5rem .75rem;margin:.5rem 0}" +
        ".launch{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;justify-content:space-between;margin:.5rem 0}" +
        ".launch h3{margin:0}.meta{margin:.25rem 0;color:#4b4b4b}select{width:100%}" +
        "input[type=url]{font:inherit;width:100%;min-height:2.75rem;box-sizing:border-box}" +
        "iframe{width:100%;height:40rem;border:1px solid #c8c8c8}";

    public string Title { get; } = title;

    public int StatusCode { get; } = statusCode;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        var response = httpContext.Response;
        response.StatusCode = StatusCode;
        response.ContentType = "text/html; charset=utf-8";
        response.Headers.ContentSecurityPolicy =
            $"default-src 'none'; script-src 'nonce-{nonce}'; style-src 'nonce-{nonce}'; img-src 'self'; " +
            "form-action 'self'" + (formActionOrigin is null ? string.Empty : " " + formActionOrigin) + "; frame-ancestors 'self'; base-uri 'none'" +
            (frameOrigin is null ? string.Empty : $"; frame-src {frameOrigin}");
        response.Headers.CacheControl = "no-store";
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers["Referrer-Policy"] = "same-origin";
        await response.WriteAsync(Render(nonce), httpContext.RequestAborted);
    }

    private string Render(string nonce)
    {
        var scriptText = autoSubmitFormId is null ? script : $"document.getElementById('{autoSubmitFormId}').submit();";
        var scriptTag = scriptText is null ? string.Empty : $"<script nonce=\"{nonce}\">{scriptText}</script>";
        return $"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{Html.Encode(Title)} - LtiCurriculum Development Platform</title>
            <style nonce="{nonce}">{Styles}</style>
            </head>
            <body{bodyAttributes}>
            <main>
            {bodyHtml}
            </main>
            {scriptTag}
            </body>
            </html>
            """;
    }
}
