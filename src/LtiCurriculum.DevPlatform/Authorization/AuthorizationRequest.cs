using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace LtiCurriculum.DevPlatform;

/// <summary>The tool's OIDC authentication request, read from the query (GET) or the form (POST).</summary>
internal sealed record AuthorizationRequest(
    string? Scope,
    string? ResponseType,
    string? ResponseMode,
    string? Prompt,
    string? ClientId,
    string? RedirectUri,
    string? LoginHint,
    string? LtiMessageHint,
    string? Nonce,
    string? State)
{
    public static async Task<AuthorizationRequest> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!HttpMethods.IsPost(request.Method))
        {
            return From(name => request.Query[name]);
        }

        var form = request.HasFormContentType ? await request.ReadFormAsync(cancellationToken) : FormCollection.Empty;
        return From(name => form[name]);
    }

    private static AuthorizationRequest From(Func<string, StringValues> read) => new(
        Single(read("scope")),
        Single(read("response_type")),
        Single(read("response_mode")),
        Single(read("prompt")),
        Single(read("client_id")),
        Single(read("redirect_uri")),
        Single(read("login_hint")),
        Single(read("lti_message_hint")),
        Single(read("nonce")),
        Single(read("state")));

    /// <summary>The first failed parameter check, in the order Moodle's auth.php makes them; null when all pass.</summary>
    public AuthorizationError? CheckParameters(string clientId)
    {
        if (Scope != "openid")
        {
            return new("invalid_scope", "scope must be openid.");
        }

        if (ResponseType != "id_token")
        {
            return new("unsupported_response_type", "response_type must be id_token.");
        }

        if (ClientId != clientId)
        {
            return new("unauthorized_client", "client_id is not the client id of the tool registered on this platform.");
        }

        if (ResponseMode != "form_post")
        {
            return new("invalid_request", "response_mode must be form_post.");
        }

        if (Prompt is not null && Prompt != "none")
        {
            return new("invalid_request", "prompt, when sent, must be none.");
        }

        return string.IsNullOrEmpty(Nonce) ? new("invalid_request", "nonce is required.") : null;
    }

    /// <summary>The value when exactly one was sent; a repeated parameter counts as not sent, so it fails its check.</summary>
    private static string? Single(StringValues values) => values.Count == 1 ? values[0] : null;
}
