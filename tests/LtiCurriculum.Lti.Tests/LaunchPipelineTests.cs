using LtiCurriculum.Lti.Tests.Harness;

namespace LtiCurriculum.Lti.Tests;

/// <summary>The pipeline as a whole: step order, what a failure exposes (1A-13, 1A-30).</summary>
public sealed class LaunchPipelineTests : IDisposable
{
    private readonly LtiTestHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public void Steps_run_in_the_documented_order()
    {
        Assert.Equal(
            ["state", "token-format", "algorithm", "kid", "registration", "issuer", "signing-key", "signature",
             "audience", "lifetime", "nonce", "deployment", "version", "message-type", "message-claims"],
            _host.Validator.StepNames);
    }

    [Fact] // 1A-30: after the signature verifies, the error page may send the user back to the platform
    public async Task Failure_after_signature_verification_exposes_the_return_url()
    {
        var result = await _host.LaunchAsync(claims => claims["aud"] = "another-tool");

        LaunchAssert.Failed(result, "aud_mismatch", 401);
        Assert.Equal(LtiTestHost.ReturnUrl, result.ReturnUrl);
    }

    [Fact] // 1A-30
    public async Task Late_claim_failure_exposes_the_return_url()
    {
        var result = await _host.LaunchAsync(claims => claims[Claim.Version] = "1.1");

        LaunchAssert.Failed(result, "version_unsupported", 400);
        Assert.Equal(LtiTestHost.ReturnUrl, result.ReturnUrl);
    }

    [Fact] // 1A-30: before the signature verifies, return_url is whatever an attacker wrote
    public async Task Failure_at_the_signature_does_not_expose_the_return_url()
    {
        var result = await _host.LaunchRawAsync((_, claims) =>
        {
            var token = IdToken.Sign(claims, TestKey.Primary);
            claims[Claim.LaunchPresentation] = new Dictionary<string, object> { ["return_url"] = "https://attacker.example/phish" };
            return RawJwt.WithPayload(token, claims);
        });

        LaunchAssert.Failed(result, "signature_invalid", 401);
        Assert.Null(result.ReturnUrl);
    }

    [Fact] // 1A-30
    public async Task Failure_at_an_unknown_key_does_not_expose_the_return_url()
    {
        var result = await _host.LaunchRawAsync((_, claims) => IdToken.Sign(claims, TestKey.Attacker));

        LaunchAssert.Failed(result, "kid_unknown", 401);
        Assert.Null(result.ReturnUrl);
    }

    [Fact] // 1A-30
    public async Task Failure_at_the_issuer_does_not_expose_the_return_url()
    {
        var result = await _host.LaunchAsync(claims => claims["iss"] = "https://attacker.example");

        LaunchAssert.Failed(result, "iss_mismatch", 401);
        Assert.Null(result.ReturnUrl);
    }

    [Fact] // 1A-30, 1A-37: a javascript: return_url never reaches a page, on failure…
    public async Task Javascript_return_url_is_dropped_from_a_failure()
    {
        var result = await _host.LaunchAsync(claims =>
        {
            claims["aud"] = "another-tool";
            claims[Claim.LaunchPresentation] = new Dictionary<string, object> { ["return_url"] = "javascript:alert(document.cookie)" };
        });

        LaunchAssert.Failed(result, "aud_mismatch", 401);
        Assert.Null(result.ReturnUrl);
    }

    [Fact] // 1A-30, 1A-37: …nor on success
    public async Task Javascript_return_url_is_dropped_from_a_launch()
    {
        var launch = LaunchAssert.Succeeded(await _host.LaunchAsync(claims =>
            claims[Claim.LaunchPresentation] = new Dictionary<string, object> { ["return_url"] = "javascript:alert(1)", ["document_target"] = "window" }));

        Assert.Null(launch.ReturnUrl);
        Assert.Null(launch.LaunchPresentation!.ReturnUrl);
        Assert.Equal("window", launch.LaunchPresentation.DocumentTarget);
    }

    [Fact] // 1A-30: a relative return_url is dropped too
    public async Task Relative_return_url_is_dropped()
    {
        var launch = LaunchAssert.Succeeded(await _host.LaunchAsync(claims =>
            claims[Claim.LaunchPresentation] = new Dictionary<string, object> { ["return_url"] = "//attacker.example/x" }));

        Assert.Null(launch.ReturnUrl);
    }

    [Fact] // a successful result carries no failure, step or return url of its own
    public async Task Successful_result_carries_only_the_launch()
    {
        var result = await _host.LaunchAsync();

        LaunchAssert.Succeeded(result);
        Assert.Null(result.FailedStep);
        Assert.Null(result.ReturnUrl);
    }
}
