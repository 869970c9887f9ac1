using System.Text;
using System.Text.Json.Nodes;
using LtiCurriculum.Lti.Registration;
using LtiCurriculum.Lti.Registration.Checks;

namespace LtiCurriculum.Lti.Tests.Registration;

/// <summary>One test per configuration rule; each names its reason code.</summary>
public sealed class ConfigurationCheckTests
{
    private const string Origin = "https://lms.example.edu";
    private static readonly ConfigurationCheckContext Context = new(new Uri(Origin + "/mod/lti/openid-configuration.php"), AllowInsecureLoopback: false);

    private static RegistrationFailure? Check(Action<JsonObject> change)
    {
        var document = StubPlatform.Document(Origin);
        change(document);
        var configuration = PlatformConfiguration.Parse(Encoding.UTF8.GetBytes(document.ToJsonString()));
        Assert.NotNull(configuration);
        return ConfigurationChecks.Run(configuration, Context);
    }

    [Fact]
    public void Valid_configuration_passes_every_check() => Assert.Null(Check(_ => { }));

    [Fact]
    public void Check_names_are_stable() =>
        Assert.Equal(["issuer", "endpoints", "token_endpoint_auth_methods_supported", "id_token_signing_alg_values_supported"], ConfigurationChecks.Names);

    [Fact]
    public void Missing_issuer_is_refused() => Assert.Equal("issuer_missing", Check(d => d.Remove("issuer"))?.Code);

    [Fact]
    public void Issuer_with_another_scheme_is_refused() =>
        Assert.Equal("platform_endpoint_invalid", Check(d => d["issuer"] = "http://lms.example.edu")?.Code);

    [Fact]
    public void Issuer_on_another_host_is_refused() =>
        Assert.Equal("issuer_origin_mismatch", Check(d => d["issuer"] = "https://canvas.instructure.com")?.Code);

    [Fact]
    public void Issuer_with_a_path_on_the_same_origin_is_accepted() =>
        Assert.Null(Check(d => d["issuer"] = Origin + "/moodle"));

    [Theory]
    [InlineData("authorization_endpoint")]
    [InlineData("token_endpoint")]
    [InlineData("jwks_uri")]
    [InlineData("registration_endpoint")]
    public void Missing_endpoint_is_refused_by_name(string field)
    {
        var failure = Check(d => d.Remove(field));

        Assert.Equal("platform_endpoint_invalid", failure?.Code);
        Assert.Contains(field, failure!.Description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/relative/jwks")]
    [InlineData("http://lms.example.edu/jwks")]
    [InlineData("https://user:pass@lms.example.edu/jwks")]
    [InlineData("ftp://lms.example.edu/jwks")]
    public void Endpoint_that_is_not_absolute_https_is_refused(string value) =>
        Assert.Equal("platform_endpoint_invalid", Check(d => d["jwks_uri"] = value)?.Code);

    [Fact]
    public void Token_endpoint_without_private_key_jwt_is_refused() =>
        Assert.Equal("token_auth_method_unsupported", Check(d => d["token_endpoint_auth_methods_supported"] = new JsonArray("client_secret_basic"))?.Code);

    [Fact]
    public void Absent_token_auth_methods_are_not_held_against_the_platform() =>
        Assert.Null(Check(d => d.Remove("token_endpoint_auth_methods_supported")));

    [Fact]
    public void Id_token_algorithms_without_rs256_are_refused() =>
        Assert.Equal("id_token_alg_unsupported", Check(d => d["id_token_signing_alg_values_supported"] = new JsonArray("HS256", "none"))?.Code);

    [Fact]
    public void Fields_of_the_wrong_type_make_the_document_malformed() =>
        Assert.Null(PlatformConfiguration.Parse("{\"issuer\": 42}"u8));
}
