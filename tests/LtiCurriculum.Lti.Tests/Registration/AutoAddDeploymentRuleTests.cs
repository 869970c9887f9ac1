using LtiCurriculum.Lti.Storage;

namespace LtiCurriculum.Lti.Tests.Registration;

/// <summary>Lti:AutoAddDeployments applies only to platforms registered by dynamic registration.</summary>
public sealed class AutoAddDeploymentRuleTests
{
    private static PlatformRegistration Registration(bool dynamic) =>
        new(1, "https://lms.example", "client-1", "https://lms.example/auth", "https://lms.example/token", "https://lms.example/jwks", new HashSet<string>())
        {
            RegisteredDynamically = dynamic,
        };

    [Theory]
    [InlineData(true, true, true)]
    [InlineData(true, false, false)]
    [InlineData(false, true, false)]
    [InlineData(false, false, false)]
    public void Unknown_deployment_may_be_added_only_when_on_and_registered_dynamically(bool autoAdd, bool dynamic, bool expected) =>
        Assert.Equal(expected, new LtiToolOptions { AutoAddDeployments = autoAdd }.MayAddDeployment(Registration(dynamic)));
}
