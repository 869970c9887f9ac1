using LtiCurriculum.Lti.Claims;
using LtiCurriculum.Lti.Tests.Harness;

namespace LtiCurriculum.Lti.Tests;

/// <summary>
/// Launches that must succeed: the certification's teacher (§7 B) and student (§7 C) matrices, anonymous
/// launches (1A-27), deep linking requests and the vendor claims real platforms add (1A-36).
/// </summary>
public sealed class ValidLaunchMatrixTests : IDisposable
{
    private readonly LtiTestHost _host = new();

    public void Dispose() => _host.Dispose();

    private static readonly string[] PersonalData = ["name", "given_name", "family_name", "middle_name", "email", "picture"];

    [Fact] // 7B instructor launch; every field mapped
    public async Task Instructor_launch_is_accepted_and_mapped()
    {
        var launch = LaunchAssert.Succeeded(await _host.LaunchAsync(claims => claims[Claim.Roles] = new[] { Role.Instructor }));

        Assert.Equal(LtiRole.Instructor, launch.Roles);
        Assert.True(launch.IsCourseStaff);
        Assert.Equal([Role.Instructor], launch.RoleUris);
        Assert.Equal(1, launch.PlatformId);
        Assert.Equal(LtiTestHost.Issuer, launch.Issuer);
        Assert.Equal(LtiTestHost.ClientId, launch.ClientId);
        Assert.Equal(LtiTestHost.DeploymentId, launch.DeploymentId);
        Assert.Equal("LtiResourceLinkRequest", launch.MessageType);
        Assert.False(launch.IsDeepLinking);
        Assert.Equal(LtiTestHost.TargetLinkUri, launch.TargetLinkUri);
        Assert.Equal(LtiTestHost.UserId, launch.UserId);
        Assert.False(launch.IsAnonymous);
        Assert.Equal("Ada Lovelace", launch.Name);
        Assert.Equal("Ada", launch.GivenName);
        Assert.Equal("Lovelace", launch.FamilyName);
        Assert.Equal("ada@example.edu", launch.Email);
        Assert.Equal("Ada Lovelace", launch.DisplayName);
        Assert.Equal(LtiTestHost.ContextId, launch.Context!.Id);
        Assert.Equal("MED101", launch.Context.Label);
        Assert.Equal("Foundations of Medicine", launch.Context.Title);
        Assert.Equal(["http://purl.imsglobal.org/vocab/lis/v2/course#CourseOffering"], launch.Context.Type!);
        Assert.Equal(new ResourceLinkClaim(LtiTestHost.ResourceLinkId, "Cardiology pre-work", "Before Monday"), launch.ResourceLink);
        Assert.Equal(LtiTestHost.ReturnUrl, launch.ReturnUrl);
        Assert.Equal("iframe", launch.LaunchPresentation!.DocumentTarget);
        Assert.Equal("en-GB", launch.Locale); // launch_presentation.locale wins over the OIDC locale
        Assert.Equal("canvas", launch.ToolPlatform!.ProductFamilyCode);
        Assert.Equal("cardio-1", launch.Custom["module"]);
    }

    [Fact] // 7C learner launch
    public async Task Learner_launch_is_accepted()
    {
        var launch = LaunchAssert.Succeeded(await _host.LaunchAsync(claims => claims[Claim.Roles] = new[] { Role.Learner }));

        Assert.Equal(LtiRole.Learner, launch.Roles);
        Assert.False(launch.IsCourseStaff);
    }

    [Fact] // 7B "multiple role values"
    public async Task Several_roles_are_all_mapped()
    {
        var launch = LaunchAssert.Succeeded(await _host.LaunchAsync(claims => claims[Claim.Roles] = new[]
        {
            Role.Instructor, Role.TeachingAssistant, Role.Mentor, Role.InstitutionAdministrator, Role.InstitutionInstructor,
        }));

        Assert.Equal(LtiRole.Instructor | LtiRole.TeachingAssistant | LtiRole.Mentor | LtiRole.Administrator, launch.Roles);
        Assert.Equal(5, launch.RoleUris.Count);
    }

    [Fact] // 7B/7C "deprecated short role value"
    public async Task Deprecated_short_role_names_are_accepted()
    {
        var launch = LaunchAssert.Succeeded(await _host.LaunchAsync(claims => claims[Claim.Roles] = new[] { "Instructor", "Learner" }));

        Assert.Equal(LtiRole.Instructor | LtiRole.Learner, launch.Roles);
    }

    [Fact] // 1A-26: LTI 1.1 URN roles
    public async Task Lti11_urn_roles_are_accepted()
    {
        var launch = LaunchAssert.Succeeded(await _host.LaunchAsync(claims =>
            claims[Claim.Roles] = new[] { "urn:lti:role:ims/lis/Instructor", "urn:lti:instrole:ims/lis/Faculty" }));

        Assert.Equal(LtiRole.Instructor, launch.Roles);
    }

    [Fact] // 7B/7C "unknown role"
    public async Task Launch_with_only_an_unknown_role_is_accepted()
    {
        var launch = LaunchAssert.Succeeded(await _host.LaunchAsync(claims => claims[Claim.Roles] = new[] { "http://example.com/roles#Wizard" }));

        Assert.Equal(LtiRole.None, launch.Roles);
        Assert.Equal(["http://example.com/roles#Wizard"], launch.RoleUris);
        Assert.False(launch.IsCourseStaff);
    }

    [Fact] // 7B/7C "no role (empty array)"
    public async Task Launch_with_an_empty_roles_array_is_accepted()
    {
        var launch = LaunchAssert.Succeeded(await _host.LaunchAsync(claims => claims[Claim.Roles] = Array.Empty<string>()));

        Assert.Equal(LtiRole.None, launch.Roles);
        Assert.Empty(launch.RoleUris);
    }

    [Fact] // 7B/7C "only email", 1A-34
    public async Task Launch_with_only_an_email_is_accepted()
    {
        var launch = LaunchAssert.Succeeded(await _host.LaunchAsync(claims =>
        {
            foreach (var claim in PersonalData)
            {
                claims.Remove(claim);
            }
            claims["email"] = "learner@example.edu";
        }));

        Assert.Equal("learner@example.edu", launch.Email);
        Assert.Null(launch.Name);
        Assert.Null(launch.GivenName);
        Assert.Null(launch.FamilyName);
        Assert.Equal("learner@example.edu", launch.DisplayName);
    }

    [Fact] // 7B/7C "only names", 1A-34
    public async Task Launch_with_only_names_is_accepted()
    {
        var launch = LaunchAssert.Succeeded(await _host.LaunchAsync(claims =>
        {
            foreach (var claim in PersonalData)
            {
                claims.Remove(claim);
            }
            claims["given_name"] = "Grace";
            claims["family_name"] = "Hopper";
        }));

        Assert.Null(launch.Email);
        Assert.Null(launch.Name);
        Assert.Equal("Grace", launch.GivenName);
        Assert.Equal("Hopper", launch.FamilyName);
        Assert.Equal("Grace Hopper", launch.DisplayName);
    }

    [Fact] // 7B/7C "no PII"
    public async Task Launch_without_personal_data_is_accepted()
    {
        var launch = LaunchAssert.Succeeded(await _host.LaunchAsync(claims =>
        {
            foreach (var claim in PersonalData)
            {
                claims.Remove(claim);
            }
        }));

        Assert.Equal(LtiTestHost.UserId, launch.UserId);
        Assert.Null(launch.Name);
        Assert.Null(launch.Email);
        Assert.Equal("Unnamed user", launch.DisplayName);
    }

    [Fact] // 7B "email but no context", 1A-28
    public async Task Launch_without_context_is_accepted()
    {
        var launch = LaunchAssert.Succeeded(await _host.LaunchAsync(claims => claims.Remove(Claim.Context)));

        Assert.Null(launch.Context);
        Assert.Equal("ada@example.edu", launch.Email);
    }

    [Fact] // 7C "only a resource link" (minimal payload)
    public async Task Minimal_resource_link_payload_is_accepted()
    {
        var session = await _host.LoginAsync();
        var now = _host.Time.GetUtcNow().ToUnixTimeSeconds();
        var claims = new Dictionary<string, object>
        {
            ["iss"] = LtiTestHost.Issuer,
            ["aud"] = LtiTestHost.ClientId,
            ["sub"] = "u1",
            ["nonce"] = session.Nonce,
            ["iat"] = now,
            ["exp"] = now + 60,
            [Claim.MessageType] = Claim.ResourceLinkRequest,
            [Claim.Version] = "1.3.0",
            [Claim.DeploymentId] = LtiTestHost.DeploymentId,
            [Claim.TargetLinkUri] = LtiTestHost.TargetLinkUri,
            [Claim.ResourceLink] = new Dictionary<string, object> { ["id"] = "rl" },
            [Claim.Roles] = Array.Empty<string>(),
        };

        var launch = LaunchAssert.Succeeded(await _host.LaunchAsync(session, IdToken.Sign(claims, TestKey.Primary)));

        Assert.Equal("rl", launch.ResourceLink!.Id);
        Assert.Null(launch.Context);
        Assert.Null(launch.LaunchPresentation);
        Assert.Null(launch.ReturnUrl);
        Assert.Null(launch.ToolPlatform);
        Assert.Empty(launch.Custom);
        Assert.Null(launch.Locale);
    }

    [Fact] // 1A-27: LTI Core 1.3 §5.3.6.1 anonymous launch
    public async Task Anonymous_resource_link_launch_is_accepted()
    {
        var launch = LaunchAssert.Succeeded(await _host.LaunchAsync(claims =>
        {
            claims.Remove("sub");
            foreach (var claim in PersonalData)
            {
                claims.Remove(claim);
            }
        }));

        Assert.True(launch.IsAnonymous);
        Assert.Null(launch.UserId);
        Assert.Equal("Anonymous user", launch.DisplayName);
        Assert.Equal(LtiRole.Learner, launch.Roles);
    }

    [Fact] // 1A-27: explicit policy — anonymous launches can be switched off
    public async Task Anonymous_resource_link_launch_is_refused_when_not_allowed()
    {
        using var host = new LtiTestHost(new Dictionary<string, string?> { ["Lti:AllowAnonymousLaunches"] = "false" });

        var result = await host.LaunchAsync(claims => claims.Remove("sub"));

        LaunchAssert.Failed(result, "sub_missing", 400);
    }

    [Fact] // 1A-27, 7A "sub missing": Deep Linking 2.0 §3.4.5 needs a user
    public async Task Anonymous_deep_linking_request_is_refused()
    {
        var session = await _host.LoginAsync();
        var claims = _host.DeepLinkingClaims(session);
        claims.Remove("sub");

        var result = await _host.LaunchAsync(session, IdToken.Sign(claims, TestKey.Primary));

        LaunchAssert.Failed(result, "sub_missing", 400);
    }

    [Fact] // 1B: deep linking request with its settings
    public async Task Deep_linking_request_with_settings_is_accepted()
    {
        var session = await _host.LoginAsync();

        var launch = LaunchAssert.Succeeded(await _host.LaunchAsync(session, IdToken.Sign(_host.DeepLinkingClaims(session), TestKey.Primary)));

        Assert.True(launch.IsDeepLinking);
        Assert.Equal("LtiDeepLinkingRequest", launch.MessageType);
        Assert.Null(launch.ResourceLink);
        Assert.Equal(LtiTestHost.TargetLinkUri, launch.TargetLinkUri); // from the login when the claim is absent
        var settings = launch.DeepLinkingSettings!;
        Assert.Equal("https://platform.example/courses/7/deep_linking_response", settings.DeepLinkReturnUrl);
        Assert.Equal(["ltiResourceLink"], settings.AcceptTypes!);
        Assert.Equal(["iframe", "window"], settings.AcceptPresentationDocumentTargets!);
        Assert.True(settings.AcceptMultiple);
        Assert.Equal("opaque-platform-data", settings.Data);
    }

    [Fact] // 1B
    public async Task Deep_linking_request_without_settings_is_refused()
    {
        var session = await _host.LoginAsync();
        var claims = _host.DeepLinkingClaims(session);
        claims.Remove(Claim.DeepLinkingSettings);

        var result = await _host.LaunchAsync(session, IdToken.Sign(claims, TestKey.Primary));

        LaunchAssert.Failed(result, "deep_linking_settings_missing", 400);
    }

    [Fact] // 1B
    public async Task Deep_linking_request_with_a_non_http_return_url_is_refused()
    {
        var session = await _host.LoginAsync();
        var claims = _host.DeepLinkingClaims(session);
        ((Dictionary<string, object>)claims[Claim.DeepLinkingSettings])["deep_link_return_url"] = "javascript:alert(1)";

        var result = await _host.LaunchAsync(session, IdToken.Sign(claims, TestKey.Primary));

        LaunchAssert.Failed(result, "deep_linking_settings_missing", 400);
    }

    [Fact] // 1A-36: vendor claims are ignored; custom values of any JSON type are handled
    public async Task Vendor_claims_are_ignored_and_custom_numbers_are_handled()
    {
        var launch = LaunchAssert.Succeeded(await _host.LaunchAsync(claims =>
        {
            claims[Claim.CanvasPlacement] = "assignment_selection";
            claims[Claim.Ext] = new Dictionary<string, object> { ["user_username"] = "ada", ["lms"] = "moodle-2", ["nested"] = new Dictionary<string, object> { ["n"] = 1 } };
            claims["https://purl.imsglobal.org/spec/lti/claim/lti11_legacy_user_id"] = "legacy-1";
            claims["https://purl.imsglobal.org/spec/lti/claim/future_claim"] = new object[] { 1, "two", true };
            claims["https://canvas.instructure.com/lti/account_name"] = "Medicine";
            claims["picture"] = "https://platform.example/ada.png";
            claims["email_verified"] = true;
            claims[Claim.Custom] = new Dictionary<string, object>
            {
                ["module"] = "cardio-1",
                ["attempts"] = 3,
                ["weight"] = 0.5,
                ["graded"] = true,
                ["canvas_course_id"] = "$Canvas.course.id",
                ["nested"] = new Dictionary<string, object> { ["a"] = 1, ["b"] = new object[] { "x", false } },
                ["list"] = new object[] { 1, "two" },
                ["nothing"] = null!,
                ["quoted"] = "say \"hi\" \u00e9",
            };
        }));

        Assert.Equal("cardio-1", launch.Custom["module"]);
        Assert.Equal("3", launch.Custom["attempts"]);
        Assert.Equal("0.5", launch.Custom["weight"]);
        Assert.Equal("true", launch.Custom["graded"]);
        Assert.Equal("$Canvas.course.id", launch.Custom["canvas_course_id"]);
        // JSON values other than strings keep their JSON text; strings are unescaped.
        Assert.Equal("""{"a":1,"b":["x",false]}""", launch.Custom["nested"]);
        Assert.Equal("""[1,"two"]""", launch.Custom["list"]);
        Assert.Equal("null", launch.Custom["nothing"]);
        Assert.Equal("say \"hi\" \u00e9", launch.Custom["quoted"]);
    }

    [Fact] // 1A-17: aud as a plain string (Canvas, Moodle)
    public async Task Audience_as_a_plain_string_is_accepted()
    {
        var session = await _host.LoginAsync();
        var claims = _host.ResourceLinkClaims(session);
        var token = IdToken.Sign(claims, TestKey.Primary);
        Assert.Contains("\"aud\":\"tool-client-1\"", RawJwt.PayloadJsonOf(token), StringComparison.Ordinal);

        LaunchAssert.Succeeded(await _host.LaunchAsync(session, token));
    }

    [Fact] // AGS / NRPS claims are kept for later service calls
    public async Task Service_claims_are_kept_on_the_launch()
    {
        var launch = LaunchAssert.Succeeded(await _host.LaunchAsync(claims =>
        {
            claims[Claim.AgsEndpoint] = new Dictionary<string, object>
            {
                ["scope"] = new[] { "https://purl.imsglobal.org/spec/lti-ags/scope/score" },
                ["lineitems"] = "https://platform.example/api/lti/courses/7/line_items",
                ["lineitem"] = "https://platform.example/api/lti/courses/7/line_items/3",
            };
            claims[Claim.NrpsService] = new Dictionary<string, object>
            {
                ["context_memberships_url"] = "https://platform.example/api/lti/courses/7/names_and_roles",
                ["service_versions"] = new[] { "2.0" },
            };
            claims[Claim.Lis] = new Dictionary<string, object> { ["person_sourcedid"] = "sis-42" };
        }));

        Assert.Equal("https://platform.example/api/lti/courses/7/line_items/3", launch.Ags!.LineItem);
        Assert.Equal(["https://purl.imsglobal.org/spec/lti-ags/scope/score"], launch.Ags.Scope!);
        Assert.Equal("https://platform.example/api/lti/courses/7/names_and_roles", launch.Nrps!.ContextMembershipsUrl);
        Assert.Equal("sis-42", launch.Lis!.PersonSourcedId);
    }

    [Fact] // 1A-26: a teaching assistant is course staff
    public async Task Teaching_assistant_is_course_staff()
    {
        var launch = LaunchAssert.Succeeded(await _host.LaunchAsync(claims => claims[Claim.Roles] = new[] { Role.TeachingAssistant }));

        Assert.Equal(LtiRole.TeachingAssistant, launch.Roles);
        Assert.True(launch.IsCourseStaff);
    }

    [Fact] // 1A-26: Canvas gives faculty institution#Instructor even when they study; that alone is not staff
    public async Task Institution_instructor_taking_a_course_as_a_learner_is_a_learner()
    {
        var launch = LaunchAssert.Succeeded(await _host.LaunchAsync(claims =>
            claims[Claim.Roles] = new[] { Role.InstitutionInstructor, Role.Learner }));

        Assert.Equal(LtiRole.Learner, launch.Roles);
        Assert.False(launch.IsCourseStaff);
    }
}
