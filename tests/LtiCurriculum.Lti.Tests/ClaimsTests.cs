using LtiCurriculum.Lti.Tests.Harness;

namespace LtiCurriculum.Lti.Tests;

/// <summary>
/// The version, message-type and message-claims steps (1A-22 to 1A-28) and the certification's known bad
/// payloads (LTI-NOTES §7 A).
/// </summary>
public sealed class ClaimsTests : IDisposable
{
    private readonly LtiTestHost _host = new();

    public void Dispose() => _host.Dispose();

    [Theory] // 1A-23, 7A "wrong LTI version"
    [InlineData("1.1")]
    [InlineData("11.3")]
    [InlineData("1.3")]
    [InlineData("1.3.0 ")]
    public async Task Wrong_version_is_rejected(string version)
    {
        var result = await _host.LaunchAsync(claims => claims[Claim.Version] = version);

        LaunchAssert.Failed(result, "version_unsupported", 400);
        Assert.Equal("version", result.FailedStep);
    }

    [Fact] // 1A-23, 7A "version claim missing"
    public async Task Missing_version_is_rejected()
    {
        var result = await _host.LaunchAsync(claims => claims.Remove(Claim.Version));

        LaunchAssert.Failed(result, "version_missing", 400);
    }

    [Fact] // 1A-22, 7A "message_type missing"
    public async Task Missing_message_type_is_rejected()
    {
        var result = await _host.LaunchAsync(claims => claims.Remove(Claim.MessageType));

        LaunchAssert.Failed(result, "message_type_missing", 400);
        Assert.Equal("message-type", result.FailedStep);
    }

    [Theory] // 1A-22: unknown → reject
    [InlineData("LtiStartProctoring")]
    [InlineData("ltiresourcelinkrequest")]
    [InlineData("LtiDeepLinkingResponse")]
    public async Task Unknown_message_type_is_rejected(string messageType)
    {
        var result = await _host.LaunchAsync(claims => claims[Claim.MessageType] = messageType);

        LaunchAssert.Failed(result, "message_type_unsupported", 400);
    }

    [Fact] // 1A-25, 7A "resource_link id missing"
    public async Task Missing_resource_link_is_rejected()
    {
        var result = await _host.LaunchAsync(claims => claims.Remove(Claim.ResourceLink));

        LaunchAssert.Failed(result, "resource_link_missing", 400);
        Assert.Equal("message-claims", result.FailedStep);
    }

    [Fact] // 1A-25, 7A
    public async Task Resource_link_without_id_is_rejected()
    {
        var result = await _host.LaunchAsync(claims => claims[Claim.ResourceLink] = new Dictionary<string, object> { ["title"] = "No id" });

        LaunchAssert.Failed(result, "resource_link_missing", 400);
    }

    [Fact] // 1A-25: id at most 255 characters
    public async Task Overlong_resource_link_id_is_rejected()
    {
        var result = await _host.LaunchAsync(claims => claims[Claim.ResourceLink] = new Dictionary<string, object> { ["id"] = new string('r', 256) });

        LaunchAssert.Failed(result, "claim_too_long", 400);
    }

    [Fact] // 1A-26, 7A "roles missing"
    public async Task Missing_roles_are_rejected()
    {
        var result = await _host.LaunchAsync(claims => claims.Remove(Claim.Roles));

        LaunchAssert.Failed(result, "roles_missing", 400);
    }

    [Fact] // 1A-26: roles is an array
    public async Task Roles_given_as_a_string_are_rejected_as_malformed()
    {
        var result = await _host.LaunchAsync(claims => claims[Claim.Roles] = Role.Instructor);

        var failure = LaunchAssert.Failed(result, "claims_malformed", 400);
        Assert.Contains("roles", failure.Description, StringComparison.Ordinal);
    }

    [Fact] // 1A-26: roles is an array of strings
    public async Task Roles_holding_a_number_are_rejected_as_malformed()
    {
        var result = await _host.LaunchAsync(claims => claims[Claim.Roles] = new object[] { Role.Learner, 7 });

        LaunchAssert.Failed(result, "claims_malformed", 400);
    }

    [Fact] // 1A-24
    public async Task Resource_link_launch_without_target_link_uri_is_rejected()
    {
        var result = await _host.LaunchAsync(claims => claims.Remove(Claim.TargetLinkUri));

        LaunchAssert.Failed(result, "target_link_uri_missing", 400);
    }

    [Fact] // 1A-28: id is required when the context claim is present
    public async Task Context_without_id_is_rejected()
    {
        var result = await _host.LaunchAsync(claims => claims[Claim.Context] = new Dictionary<string, object> { ["title"] = "Foundations" });

        LaunchAssert.Failed(result, "context_id_missing", 400);
    }

    [Fact] // 1A-28
    public async Task Overlong_context_id_is_rejected()
    {
        var result = await _host.LaunchAsync(claims => claims[Claim.Context] = new Dictionary<string, object> { ["id"] = new string('c', 256) });

        LaunchAssert.Failed(result, "claim_too_long", 400);
    }

    [Fact] // 1A-27: sub, when sent, is a real id
    public async Task Empty_sub_is_rejected()
    {
        var result = await _host.LaunchAsync(claims => claims["sub"] = "");

        LaunchAssert.Failed(result, "sub_missing", 400);
    }

    [Fact] // 1A-27: at most 255 characters
    public async Task Overlong_sub_is_rejected()
    {
        var result = await _host.LaunchAsync(claims => claims["sub"] = new string('s', 256));

        LaunchAssert.Failed(result, "claim_too_long", 400);
    }

    [Fact] // 1A-26: the limits are inclusive — 255 characters is fine
    public async Task Identifiers_of_255_characters_are_accepted()
    {
        var result = await _host.LaunchAsync(claims =>
        {
            claims["sub"] = new string('s', 255);
            claims[Claim.ResourceLink] = new Dictionary<string, object> { ["id"] = new string('r', 255) };
            claims[Claim.Context] = new Dictionary<string, object> { ["id"] = new string('c', 255) };
        });

        var launch = LaunchAssert.Succeeded(result);
        Assert.Equal(255, launch.UserId!.Length);
    }

    [Fact] // 1A-31: custom must be an object of values
    public async Task Custom_that_is_not_an_object_is_rejected_as_malformed()
    {
        var result = await _host.LaunchAsync(claims => claims[Claim.Custom] = new[] { "a", "b" });

        LaunchAssert.Failed(result, "claims_malformed", 400);
    }
}
