using Microsoft.Extensions.Time.Testing;

namespace LtiCurriculum.DevPlatform.Tests;

public sealed class IdTokenBuilderTests
{
    private static readonly DevLaunch Minimal = new()
    {
        Issuer = "https://lms.example",
        ClientId = "client-1",
        DeploymentId = "deployment-1",
        Nonce = "nonce-1",
        Subject = "user-1",
        Roles = [LtiRoles.Learner],
        TargetLinkUri = "https://tool.example/lti/launch",
    };

    [Fact]
    public void Launch_without_context_or_link_leaves_those_claims_out()
    {
        using var key = new DevPlatformKey();

        var token = LaunchFlow.Payload(new IdTokenBuilder(key, new FakeTimeProvider()).Build(Minimal));

        Assert.False(token.TryGetProperty("https://purl.imsglobal.org/spec/lti/claim/context", out _));
        Assert.False(token.TryGetProperty("https://purl.imsglobal.org/spec/lti/claim/resource_link", out _));
        Assert.False(token.TryGetProperty("https://purl.imsglobal.org/spec/lti/claim/custom", out _));
        Assert.Equal("user-1", token.GetProperty("sub").GetString());
    }

    [Fact]
    public void Custom_values_are_a_json_object_of_strings()
    {
        using var key = new DevPlatformKey();
        var launch = Minimal with { Custom = new Dictionary<string, string> { ["a"] = "1", ["b"] = "two" } };

        var token = LaunchFlow.Payload(new IdTokenBuilder(key, new FakeTimeProvider()).Build(launch));

        var custom = token.GetProperty("https://purl.imsglobal.org/spec/lti/claim/custom");
        Assert.Equal("1", custom.GetProperty("a").GetString());
        Assert.Equal("two", custom.GetProperty("b").GetString());
    }

    [Fact]
    public void Header_names_the_signing_key()
    {
        using var key = new DevPlatformKey();

        var header = LaunchFlow.Header(new IdTokenBuilder(key, new FakeTimeProvider()).Build(Minimal));

        Assert.Equal(key.KeyId, header.GetProperty("kid").GetString());
        Assert.Equal("RS256", header.GetProperty("alg").GetString());
    }

    [Fact]
    public void Each_platform_key_is_new_and_has_its_own_kid()
    {
        using var first = new DevPlatformKey();
        using var second = new DevPlatformKey();

        Assert.NotEqual(first.KeyId, second.KeyId);
    }
}
