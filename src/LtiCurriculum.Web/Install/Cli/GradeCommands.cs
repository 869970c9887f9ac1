using System.CommandLine;
using System.Globalization;
using LtiCurriculum.Web.Data.Entities;
using LtiCurriculum.Web.Grades;

namespace LtiCurriculum.Web.Install.Cli;

/// <summary>
/// <c>grades list [--status S] [--platform N] [--limit N]</c> and <c>grades retry ID [ID …] | --all [--platform N]</c>:
/// the admin's view of the score outbox.
/// </summary>
public static class GradeCommands
{
    private static readonly Dictionary<string, GradeDeliveryStatus?> Statuses = new(StringComparer.OrdinalIgnoreCase)
    {
        ["needs-attention"] = GradeDeliveryStatus.NeedsAttention,
        ["pending"] = GradeDeliveryStatus.Pending,
        ["held"] = GradeDeliveryStatus.Held,
        ["not-gradable"] = GradeDeliveryStatus.NotGradable,
        ["delivered"] = GradeDeliveryStatus.Delivered,
        ["superseded"] = GradeDeliveryStatus.Superseded,
        ["all"] = null,
    };

    public static IReadOnlyCollection<string> StatusNames => Statuses.Keys;

    public static Command Create(CliOptions o, CliContext cli)
    {
        var list = new Command("list", "Show the count of scores per status and the scores of one status, with the platform's last answer.") { o.Status, o.Platform, o.Limit };
        list.SetAction(async (parse, ct) =>
        {
            var status = await cli.ReadyAsync<GradeStatus>(ct);
            var statusName = parse.GetValue(o.Status)!;
            var counts = await status.CountsAsync(ct);
            cli.Output.WriteLine("Scores: " + string.Join(", ", Statuses.Where(s => s.Value is not null).Select(s => $"{counts.GetValueOrDefault(s.Value!.Value)} {s.Key}")));
            var rows = await status.ListAsync(Statuses[statusName], parse.GetValue(o.Platform), parse.GetValue(o.Limit) ?? 200, ct);
            if (rows.Count == 0)
            {
                cli.Output.WriteLine($"No {statusName} scores.");
            }
            foreach (var row in rows)
            {
                cli.Output.WriteLine(string.Join('\t',
                    row.Id, Name(row.Status), $"platform {row.PlatformId}", $"link {row.ResourceLinkId}", $"user {row.Subject}",
                    $"{row.ScoreGiven?.ToString(CultureInfo.InvariantCulture) ?? "-"}/{row.ScoreMaximum?.ToString(CultureInfo.InvariantCulture) ?? "-"}",
                    $"failures {row.Failures}", row.LastStatusCode is { } code ? $"HTTP {code}" : "", $"created {row.CreatedAt:u}"));
                if (row.LastError is { Length: > 0 } error)
                {
                    cli.Output.WriteLine("\t" + error.ReplaceLineEndings(" "));
                }
            }
            return ExitCodes.Done;
        });

        var retry = new Command("retry", "Queue scores that need attention to be sent again: by id, or --all.") { o.ScoreIds, o.All, o.Platform };
        retry.Validators.Add(result =>
        {
            if (!result.GetValue(o.All) && (result.GetValue(o.ScoreIds) ?? []).Length == 0)
            {
                result.AddError("Say which scores to retry (ids from grades list), or --all.");
            }
        });
        retry.SetAction(async (parse, ct) =>
        {
            var status = await cli.ReadyAsync<GradeStatus>(ct);
            if (parse.GetValue(o.All))
            {
                var (queued, superseded) = await status.RetryAllAsync(parse.GetValue(o.Platform), ct);
                return cli.Done($"{queued} scores queued to be sent again; {superseded} superseded by newer delivered scores.");
            }
            var failed = false;
            foreach (var text in parse.GetValue(o.ScoreIds)!)
            {
                if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
                {
                    failed |= cli.Refuse($"'{text}' is not a score id (see grades list).") != 0;
                    continue;
                }
                failed |= await status.RetryAsync(id, null, ct) switch
                {
                    RetryOutcome.Queued => cli.Done($"Score {id} queued to be sent again."),
                    RetryOutcome.Superseded => cli.Done($"Score {id} not sent: a newer score of the same learner and link was already delivered (marked superseded)."),
                    RetryOutcome.NotFound => cli.Refuse($"No score {id}."),
                    _ => cli.Refuse($"Score {id} is delivered or held for grading; nothing to retry."),
                } != 0;
            }
            return failed ? ExitCodes.Refused : ExitCodes.Done;
        });

        return new Command("grades", "The score outbox: scores waiting for, refused by or delivered to the LMS gradebook.") { list, retry };
    }

    private static string Name(GradeDeliveryStatus status) => Statuses.First(s => s.Value == status).Key;
}
