using System.Text;
using LtiCurriculum.Lti.Storage;

namespace LtiCurriculum.Lti.Oidc;

/// <summary>The OIDC authentication request URL (checklist items 9–12), keeping any query the endpoint already has.</summary>
public static class AuthenticationRequest
{
    public static string BuildUrl(PlatformRegistration registration, Uri redirectUri, LoginInitiation login, string state, string nonce)
    {
        var url = new StringBuilder(registration.AuthorizationEndpoint);
        var separator = registration.AuthorizationEndpoint.Contains('?') ? '&' : '?';
        void Add(string name, string value)
        {
            url.Append(separator).Append(name).Append('=').Append(Uri.EscapeDataString(value));
            separator = '&';
        }

        Add("scope", "openid");
        Add("response_type", "id_token");
        Add("response_mode", "form_post");
        Add("prompt", "none");
        Add("client_id", registration.ClientId);
        Add("redirect_uri", redirectUri.AbsoluteUri);
        Add("login_hint", login.LoginHint!);
        if (!string.IsNullOrEmpty(login.LtiMessageHint))
        {
            Add("lti_message_hint", login.LtiMessageHint);
        }
        Add("state", state);
        Add("nonce", nonce);
        return url.ToString();
    }
}
