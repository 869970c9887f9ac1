using LtiCurriculum.Lti.Tests.Harness;

namespace LtiCurriculum.Lti.Tests;

/// <summary>The audience step (1A-17, 1A-18).</summary>
public sealed class AudienceTests : IDisposable
{
    private readonly LtiTestHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact] // 1A-17
    public async Task Wrong_audience_is_rejected()
    {
        var result = await _host.LaunchAsync(claims => claims["aud"] = "another-tool");

        LaunchAssert.Failed(result, "aud_mismatch", 401);
        Assert.Equal("audience", result.FailedStep);
    }

    [Fact] // 1A-17: client ids are compared exactly
    public async Task Audience_differing_in_case_is_rejected()
    {
        var result = await _host.LaunchAsync(claims => claims["aud"] = LtiTestHost.ClientId.ToUpperInvariant());

        LaunchAssert.Failed(result, "aud_mismatch", 401);
    }

    [Fact] // 7A "aud missing"
    public async Task Missing_audience_is_rejected()
    {
        var result = await _host.LaunchAsync(claims => claims.Remove("aud"));

        LaunchAssert.Failed(result, "aud_mismatch", 401);
    }

    [Fact] // 1A-17
    public async Task Audience_array_without_our_client_id_is_rejected()
    {
        var result = await _host.LaunchAsync(claims =>
        {
            claims["aud"] = new[] { "another-tool", "a-third-tool" };
            claims["azp"] = "another-tool";
        });

        LaunchAssert.Failed(result, "aud_mismatch", 401);
    }

    [Fact] // 1A-18
    public async Task Audience_array_without_azp_is_rejected()
    {
        var result = await _host.LaunchAsync(claims => claims["aud"] = new[] { LtiTestHost.ClientId, "another-tool" });

        LaunchAssert.Failed(result, "azp_missing", 401);
    }

    [Fact] // 1A-18
    public async Task Audience_array_with_our_azp_is_accepted()
    {
        var result = await _host.LaunchAsync(claims =>
        {
            claims["aud"] = new[] { "another-tool", LtiTestHost.ClientId };
            claims["azp"] = LtiTestHost.ClientId;
        });

        Assert.Equal(LtiTestHost.ClientId, LaunchAssert.Succeeded(result).ClientId);
    }

    [Fact] // 1A-17: a one-element array is the same as the plain string
    public async Task Single_element_audience_array_is_accepted_without_azp()
    {
        var result = await _host.LaunchAsync(claims => claims["aud"] = new[] { LtiTestHost.ClientId });

        LaunchAssert.Succeeded(result);
    }

    [Fact] // 1A-18
    public async Task Wrong_azp_is_rejected()
    {
        var result = await _host.LaunchAsync(claims => claims["azp"] = "another-tool");

        LaunchAssert.Failed(result, "azp_mismatch", 401);
    }

    [Fact] // 1A-18
    public async Task Wrong_azp_with_audience_array_is_rejected()
    {
        var result = await _host.LaunchAsync(claims =>
        {
            claims["aud"] = new[] { LtiTestHost.ClientId, "another-tool" };
            claims["azp"] = "another-tool";
        });

        LaunchAssert.Failed(result, "azp_mismatch", 401);
    }

    [Fact] // 1A-18: azp equal to our client id on a single audience is fine
    public async Task Matching_azp_with_single_audience_is_accepted()
    {
        var result = await _host.LaunchAsync(claims => claims["azp"] = LtiTestHost.ClientId);

        LaunchAssert.Succeeded(result);
    }

    [Fact] // 1A-17
    public async Task Audience_of_the_wrong_json_type_is_rejected()
    {
        var result = await _host.LaunchAsync(claims => claims["aud"] = 42);

        LaunchAssert.Failed(result, "id_token_malformed", 400);
    }
}
