using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace LtiCurriculum.DevPlatform;

/// <summary>
/// {issuer}/control/…: what tests use to steer the gradebook. Fault rules (POST adds, GET lists, DELETE clears),
/// the gradebook style, revoking every access token, NRPS on or off (globally or per course), a new platform key pair
/// under the same kid (a platform that re-keys without changing the kid), and resetting the
/// gradebook to its seed (which also forgets links made by deep linking and turns NRPS back to its setting).
/// </summary>
internal static class ControlEndpoints
{
    public static void Map(RouteGroupBuilder platform)
    {
        var control = platform.MapGroup("/control");
        control.MapPost("/faults", AddFaultAsync);
        control.MapGet("/faults", (FaultRules rules) => Results.Json(new FaultList(rules.List()), ControlJson.Options));
        control.MapDelete("/faults", (FaultRules rules) =>
        {
            rules.Clear();
            return Results.NoContent();
        });
        control.MapPost("/style", SwitchStyleAsync);
        control.MapPost("/revoke-tokens", (AccessTokenStore tokens) => Results.Json(new Revoked(tokens.RevokeAll()), ControlJson.Options));
        control.MapPost("/rekey-same-kid", (DevPlatformKey key) =>
        {
            key.ReplaceKeepingKeyId();
            return Results.Json(new Rekeyed(key.KeyId), ControlJson.Options);
        });
        control.MapGet("/nrps", (NrpsSwitch nrps) => Results.Json(NrpsState.Of(nrps), ControlJson.Options));
        control.MapPost("/nrps", SwitchNrpsAsync);
        RegistrationsControl.Map(control);
        control.MapPost("/reset", (LineItemStore lineItems, ResultStore results, ScoreLog log, GradebookCounters counters, CourseLinks links, NrpsSwitch nrps) =>
        {
            links.Reset();
            nrps.Reset();
            lineItems.Reset();
            results.Reset();
            log.Reset();
            counters.Reset();
            return Results.NoContent();
        });
    }

    private static async Task<IResult> AddFaultAsync(HttpRequest request, FaultRules rules)
    {
        var (rule, refusal) = await ControlJson.ReadAsync<FaultRuleRequest>(request);
        if (rule is null)
        {
            return refusal!;
        }

        var problem = rule.Check();
        if (problem is not null)
        {
            return ControlJson.Problem(problem);
        }

        var added = rules.Add(rule);
        return added is null
            ? ControlJson.Problem($"there are already {FaultRules.Capacity} fault rules; DELETE control/faults first")
            : Results.Json(added, ControlJson.Options, statusCode: StatusCodes.Status201Created);
    }

    private static async Task<IResult> SwitchStyleAsync(HttpRequest request, GradebookStyleState styles)
    {
        var (choice, refusal) = await ControlJson.ReadAsync<StyleChoice>(request);
        if (choice is null)
        {
            return refusal!;
        }

        return styles.TrySwitch(choice.Style)
            ? Results.Json(new StyleChoice(styles.Current), ControlJson.Options)
            : ControlJson.Problem($"style must be {GradebookStyles.Standard}, {GradebookStyles.Canvas} or {GradebookStyles.Moodle}");
    }

    private static async Task<IResult> SwitchNrpsAsync(HttpRequest request, NrpsSwitch nrps, DemoDirectory directory)
    {
        var (choice, refusal) = await ControlJson.ReadAsync<NrpsChoice>(request);
        if (choice is null)
        {
            return refusal!;
        }

        if (choice.Enabled is null)
        {
            return ControlJson.Problem("enabled is required: true or false");
        }

        if (choice.CourseId is not null && directory.FindCourse(choice.CourseId) is null)
        {
            return ControlJson.Problem($"courseId names no demo course; leave it out to switch NRPS for the whole platform");
        }

        nrps.Set(choice.Enabled.Value, choice.CourseId);
        return Results.Json(NrpsState.Of(nrps), ControlJson.Options);
    }

    private sealed record NrpsChoice(
        [property: JsonPropertyName("enabled")] bool? Enabled,
        [property: JsonPropertyName("courseId")] string? CourseId);

    private sealed record NrpsState(
        [property: JsonPropertyName("enabled")] bool Enabled,
        [property: JsonPropertyName("offCourses")] IReadOnlyList<string> OffCourses)
    {
        public static NrpsState Of(NrpsSwitch nrps)
        {
            var (enabled, offCourses) = nrps.State();
            return new NrpsState(enabled, offCourses);
        }
    }

    private sealed record FaultList([property: JsonPropertyName("rules")] IReadOnlyList<FaultRule> Rules);

    private sealed record StyleChoice([property: JsonPropertyName("style")] string? Style);

    private sealed record Rekeyed([property: JsonPropertyName("kid")] string KeyId);

    private sealed record Revoked([property: JsonPropertyName("revoked")] int Count);
}
