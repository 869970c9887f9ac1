using LtiCurriculum.Web.Hosting.Telemetry;

namespace LtiCurriculum.Web.Tests.Telemetry;

/// <summary>What the redactor removes from a log line, and what it leaves for the reader.</summary>
public sealed class LogRedactionTests
{
    [Theory]
    [InlineData("GET http://tool/learn?lti_session=CfDJ8abc-_xyz&attempt=3", "GET http://tool/learn?lti_session=[redacted]&attempt=3")]
    [InlineData("/teach?x=1&form_token=abc123&y=2", "/teach?x=1&form_token=[redacted]&y=2")]
    [InlineData("/registration?openid_configuration=https%3A%2F%2Flms&registration_token=s3cr3t", "/registration?openid_configuration=https%3A%2F%2Flms&registration_token=[redacted]")]
    [InlineData("/authorize?state=S&nonce=N&login_hint=u1&lti_message_hint=h", "/authorize?state=[redacted]&nonce=[redacted]&login_hint=[redacted]&lti_message_hint=[redacted]")]
    [InlineData("token eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln end", "token [redacted] end")]
    [InlineData("Authorization: Bearer abc.DEF-123~x", "Authorization: Bearer [redacted]")]
    [InlineData("key -----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY----- done", "key [redacted] done")]
    public void Secrets_are_replaced_and_the_rest_of_the_line_kept(string line, string expected) =>
        Assert.Equal(expected, LogRedaction.Redact(line));

    [Theory]
    [InlineData("Request finished HTTP/1.1 GET http://tool/health/ready - 200")]
    [InlineData("Score 12 for platform 3: Retry (HTTP 500). The platform's service answered 500")]
    [InlineData("/learn/result?attempt=1")]
    public void Lines_without_secrets_are_left_alone(string line)
    {
        Assert.False(LogRedaction.MayHoldSecret(line));
        Assert.Equal(line, LogRedaction.Redact(line));
    }
}
