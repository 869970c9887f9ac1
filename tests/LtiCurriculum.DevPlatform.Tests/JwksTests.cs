using System.Net;
using System.Text.Json;

namespace LtiCurriculum.DevPlatform.Tests;

public sealed class JwksTests(DevPlatformFixture fixture) : IClassFixture<DevPlatformFixture>
{
    [Fact]
    public async Task Jwks_is_cacheable_json_with_one_public_signing_key()
    {
        var response = await fixture.Host.Client.GetAsync("/dev-platform/jwks", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl?.Public);
        Assert.Equal(TimeSpan.FromSeconds(300), response.Headers.CacheControl?.MaxAge);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var key = Assert.Single(document.RootElement.GetProperty("keys").EnumerateArray());
        Assert.Equal("RSA", key.GetProperty("kty").GetString());
        Assert.Equal("RS256", key.GetProperty("alg").GetString());
        Assert.Equal("sig", key.GetProperty("use").GetString());
        Assert.Equal("AQAB", key.GetProperty("e").GetString());
        Assert.Equal(256, Microsoft.IdentityModel.Tokens.Base64UrlEncoder.DecodeBytes(key.GetProperty("n").GetString()).Length);
        Assert.False(string.IsNullOrEmpty(key.GetProperty("kid").GetString()));
        Assert.False(key.TryGetProperty("d", out _));
    }

    [Fact]
    public async Task Jwks_keeps_the_same_key_while_the_platform_runs()
    {
        var first = await fixture.Host.Client.GetStringAsync("/dev-platform/jwks", TestContext.Current.CancellationToken);
        var second = await fixture.Host.Client.GetStringAsync("/dev-platform/jwks", TestContext.Current.CancellationToken);

        Assert.Equal(first, second);
    }
}
