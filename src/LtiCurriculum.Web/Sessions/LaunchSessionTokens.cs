using System.Security.Cryptography;
using LtiCurriculum.Lti.Claims;
using LtiCurriculum.Web.Hosting.Caching;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace LtiCurriculum.Web.Sessions;

/// <summary>
/// Turns a <see cref="LaunchSession"/> into a short opaque token and back. Data Protection encrypts
/// and authenticates it with the shared key ring, so any instance can read what another issued.
/// </summary>
public sealed class LaunchSessionTokens(IDataProtectionProvider dataProtection, IOptionsMonitor<LaunchSessionOptions> options, TimeProvider time)
{
    // Format 3 carries the launch's form secret; format 2 (issued before it) still reads, without one, and is
    // renewed on its first use so that every page renders with a secret.
    private const byte FormatVersion = 3, FormatWithoutFormSecret = 2;
    public const int MaxTokenLength = 4096;
    private readonly IDataProtector _protector = dataProtection.CreateProtector("LtiCurriculum.LaunchSession.v1");

    // Tokens this instance issued in the last few seconds, with their sessions: the page a launch redirects to comes
    // back at once with its new token, and need not decrypt it. A token found here is one this instance wrote, so it
    // reads as Unprotect would; its expiry is still checked on every read.
    private static readonly TimeSpan RecentlyIssuedFor = TimeSpan.FromSeconds(30);
    private readonly SlotCache<LaunchSession> _recentlyIssued = new(4_096, RecentlyIssuedFor, time);

    /// <summary>
    /// A token for the session with a fresh expiry (every page renews it, so an active student never times out). A new
    /// session gets its form secret here; a renewed one keeps it, so forms already on the learner's screen stay valid.
    /// </summary>
    public IssuedSession Issue(LaunchSession session)
    {
        var expiresAt = time.GetUtcNow() + options.CurrentValue.Lifetime;
        var issued = session with
        {
            ExpiresAt = DateTimeOffset.FromUnixTimeSeconds(expiresAt.ToUnixTimeSeconds()),
            FormSecret = session.FormSecret ?? FormTokens.NewSecret(),
        };
        var token = Write(issued);
        _recentlyIssued.Set(SlotCache.KeyOf(token), issued);
        return new IssuedSession(token, expiresAt, issued);
    }

    /// <summary>Renewal granularity: a token issued less than this long ago is kept as it is (a page view costs no new token).</summary>
    public static readonly TimeSpan RenewAfter = TimeSpan.FromMinutes(1);

    /// <summary>
    /// The token to carry on: a fresh one when <paramref name="current"/> is older than <see cref="RenewAfter"/> or
    /// has no form secret (null <c>Renewed</c> means the current token stays, so the cookie need not be set again).
    /// </summary>
    public (string Token, IssuedSession? Renewed) Renew(LaunchSession session, string current)
    {
        var issuedAt = session.ExpiresAt - options.CurrentValue.Lifetime;
        if (time.GetUtcNow() - issuedAt < RenewAfter && session.FormSecret is not null)
        {
            return (current, null);
        }
        var issued = Issue(session);
        return (issued.Token, issued);
    }

    public LaunchSession? Read(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > MaxTokenLength)
        {
            return null;
        }
        if (_recentlyIssued.TryGet(SlotCache.KeyOf(token), out var recent))
        {
            return recent.ExpiresAt > time.GetUtcNow() ? recent : null;
        }
        try
        {
            var bytes = _protector.Unprotect(Base64UrlEncoder.DecodeBytes(token));
            using var reader = new BinaryReader(new MemoryStream(bytes));
            var format = reader.ReadByte();
            if (format is not (FormatVersion or FormatWithoutFormSecret))
            {
                return null;
            }
            var session = new LaunchSession(
                PlatformId: reader.ReadInt32(),
                DeploymentId: reader.ReadString(),
                ContextDbId: ReadOptionalInt(reader),
                ResourceLinkDbId: ReadOptionalInt(reader),
                UserDbId: ReadOptionalInt(reader),
                Roles: (LtiRole)reader.ReadInt32(),
                IsDeepLinking: reader.ReadBoolean(),
                Locale: ReadOptionalString(reader),
                ReturnUrl: ReadOptionalString(reader),
                ExpiresAt: DateTimeOffset.FromUnixTimeSeconds(reader.ReadInt64()),
                DeepLinkingRequestId: ReadOptionalString(reader),
                FormSecret: format == FormatVersion ? reader.ReadString() : null);
            return session.ExpiresAt > time.GetUtcNow() ? session : null;
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException or EndOfStreamException or IOException or ArgumentException)
        {
            return null;
        }
    }

    private string Write(LaunchSession session)
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer))
        {
            writer.Write(FormatVersion);
            writer.Write(session.PlatformId);
            writer.Write(session.DeploymentId);
            WriteOptional(writer, session.ContextDbId);
            WriteOptional(writer, session.ResourceLinkDbId);
            WriteOptional(writer, session.UserDbId);
            writer.Write((int)session.Roles);
            writer.Write(session.IsDeepLinking);
            WriteOptional(writer, session.Locale);
            WriteOptional(writer, session.ReturnUrl);
            writer.Write(session.ExpiresAt.ToUnixTimeSeconds());
            WriteOptional(writer, session.DeepLinkingRequestId);
            writer.Write(session.FormSecret!);
        }
        return Base64UrlEncoder.Encode(_protector.Protect(buffer.ToArray()));
    }

    private static void WriteOptional(BinaryWriter writer, int? value)
    {
        writer.Write(value.HasValue);
        if (value.HasValue)
        {
            writer.Write(value.Value);
        }
    }

    private static void WriteOptional(BinaryWriter writer, string? value)
    {
        writer.Write(value is not null);
        if (value is not null)
        {
            writer.Write(value);
        }
    }

    private static int? ReadOptionalInt(BinaryReader reader) => reader.ReadBoolean() ? reader.ReadInt32() : null;

    private static string? ReadOptionalString(BinaryReader reader) => reader.ReadBoolean() ? reader.ReadString() : null;
}

/// <summary>A token just written, when it expires, and the session it carries (with its form secret).</summary>
public sealed record IssuedSession(string Token, DateTimeOffset ExpiresAt, LaunchSession Session);
