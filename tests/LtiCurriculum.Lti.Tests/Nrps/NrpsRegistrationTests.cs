using LtiCurriculum.Lti.DeepLinking;
using LtiCurriculum.Lti.Nrps;
using LtiCurriculum.Lti.Tests.Ags;
using Microsoft.Extensions.DependencyInjection;

namespace LtiCurriculum.Lti.Tests.Nrps;

/// <summary>AddLtiTool wires the membership client and the deep-linking response builder for the host.</summary>
public sealed class NrpsRegistrationTests
{
    [Fact]
    public void Membership_client_and_response_builder_are_singletons()
    {
        using var provider = RegistrationTests.Build(withToolKeys: true);

        Assert.Same(provider.GetRequiredService<NrpsClient>(), provider.GetRequiredService<NrpsClient>());
        Assert.Same(provider.GetRequiredService<DeepLinkingResponseBuilder>(), provider.GetRequiredService<DeepLinkingResponseBuilder>());
    }

    [Fact]
    public void Membership_http_client_has_its_own_timeout_and_user_agent()
    {
        using var provider = RegistrationTests.Build(withToolKeys: true);

        using var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient(NrpsClient.HttpClientName);

        Assert.Equal("lti-nrps", NrpsClient.HttpClientName);
        Assert.Equal(TimeSpan.FromSeconds(30), client.Timeout);
        Assert.Equal("LtiCurriculum/1.0", client.DefaultRequestHeaders.UserAgent.ToString());
    }

    [Fact]
    public void Response_builder_needs_no_tool_key_store()
    {
        using var provider = RegistrationTests.Build(withToolKeys: false);

        Assert.NotNull(provider.GetRequiredService<DeepLinkingResponseBuilder>());
    }
}
