using System.Text;
using LtiCurriculum.Web.Sessions;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.IdentityModel.Tokens;

namespace LtiCurriculum.Web.Tests.Sessions;

/// <summary>
/// Session and form tokens as the tool wrote them before sessions carried a form secret (session format 2, form tokens
/// encrypting the launch's ids): what a learner's open page holds while the tool is upgraded.
/// </summary>
internal static class SessionTokensBeforeFormSecrets
{
    public static string Write(IDataProtectionProvider keys, LaunchSession session)
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer))
        {
            writer.Write((byte)2);
            writer.Write(session.PlatformId);
            writer.Write(session.DeploymentId);
            Optional(writer, session.ContextDbId);
            Optional(writer, session.ResourceLinkDbId);
            Optional(writer, session.UserDbId);
            writer.Write((int)session.Roles);
            writer.Write(session.IsDeepLinking);
            Optional(writer, session.Locale);
            Optional(writer, session.ReturnUrl);
            writer.Write(session.ExpiresAt.ToUnixTimeSeconds());
            Optional(writer, session.DeepLinkingRequestId);
        }
        return Base64UrlEncoder.Encode(keys.CreateProtector("LtiCurriculum.LaunchSession.v1").Protect(buffer.ToArray()));
    }

    public static string FormToken(IDataProtectionProvider keys, LaunchSession session) =>
        Convert.ToBase64String(keys.CreateProtector("LtiCurriculum.Learn.FormToken.v1").Protect(Encoding.UTF8.GetBytes(
            $"{session.PlatformId}\u001f{session.DeploymentId}\u001f{session.ResourceLinkDbId}\u001f{session.UserDbId}")));

    private static void Optional(BinaryWriter writer, object? value)
    {
        writer.Write(value is not null);
        switch (value)
        {
            case int number: writer.Write(number); break;
            case string text: writer.Write(text); break;
        }
    }
}
