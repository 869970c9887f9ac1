using System.Globalization;
using LtiCurriculum.Web.Data.Entities;
using LtiCurriculum.Web.Grades;

namespace LtiCurriculum.Web.Install.Cli;

/// <summary>
/// <c>grades list [--status needs-attention|pending|held|not-gradable|delivered|superseded|all] [--platform ID] [--limit N]</c>
/// and <c>grades retry ID [ID …] | --all [--platform ID]</c>: the admin's view of the score outbox.
/// </summary>
public sealed class GradeCommands(GradeStatus status, TextWriter output, TextWriter errors)
{
    public const string Usage = "grades list [--status needs-attention|pending|held|not-gradable|delivered|superseded|all] [--platform ID] [--limit N] | grades retry ID [ID …] | grades retry --all [--platform ID]";

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

    public async Task<int> ListAsync(CliCommand command, CancellationToken cancellationToken)
    {
        if (command.UnknownOptions("status", "platform", "limit").FirstOrDefault() is { } unknown)
        {
            return Refuse($"Unknown option --{unknown}. Usage: {Usage}");
        }
        var statusName = command.Single("status") ?? "needs-attention";
        if (!Statuses.TryGetValue(statusName, out var wanted))
        {
            return Refuse($"--status '{statusName}' is not one of {string.Join(", ", Statuses.Keys)}.");
        }
        if (!TryNumber(command, "platform", out var platform) || !TryNumber(command, "limit", out var limit))
        {
            return 2;
        }
        var counts = await status.CountsAsync(cancellationToken);
        output.WriteLine("Scores: " + string.Join(", ", Statuses.Where(s => s.Value is not null).Select(s => $"{counts.GetValueOrDefault(s.Value!.Value)} {s.Key}")));
        var rows = await status.ListAsync(wanted, platform, limit ?? 200, cancellationToken);
        if (rows.Count == 0)
        {
            output.WriteLine($"No {statusName} scores.");
        }
        foreach (var row in rows)
        {
            output.WriteLine(string.Join('\t',
                row.Id, Name(row.Status), $"platform {row.PlatformId}", $"link {row.ResourceLinkId}", $"user {row.Subject}",
                $"{row.ScoreGiven?.ToString(CultureInfo.InvariantCulture) ?? "-"}/{row.ScoreMaximum?.ToString(CultureInfo.InvariantCulture) ?? "-"}",
                $"failures {row.Failures}", row.LastStatusCode is { } code ? $"HTTP {code}" : "", $"created {row.CreatedAt:u}"));
            if (row.LastError is { Length: > 0 } error)
            {
                output.WriteLine("\t" + error.ReplaceLineEndings(" "));
            }
        }
        return 0;
    }

    public async Task<int> RetryAsync(CliCommand command, CancellationToken cancellationToken)
    {
        if (command.UnknownOptions("all", "platform").FirstOrDefault() is { } unknown)
        {
            return Refuse($"Unknown option --{unknown}. Usage: {Usage}");
        }
        if (!TryNumber(command, "platform", out var platform))
        {
            return 2;
        }
        if (command.Single("all") == "true")
        {
            var (queued, superseded) = await status.RetryAllAsync(platform, cancellationToken);
            output.WriteLine($"{queued} scores queued to be sent again; {superseded} superseded by newer delivered scores.");
            return 0;
        }
        if (command.Positional.Count == 0)
        {
            return Refuse($"Say which scores to retry (ids from grades list), or --all. Usage: {Usage}");
        }
        var failed = false;
        foreach (var text in command.Positional)
        {
            if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                errors.WriteLine($"'{text}' is not a score id (see grades list).");
                failed = true;
                continue;
            }
            var outcome = await status.RetryAsync(id, null, cancellationToken);
            switch (outcome)
            {
                case RetryOutcome.Queued: output.WriteLine($"Score {id} queued to be sent again."); break;
                case RetryOutcome.Superseded: output.WriteLine($"Score {id} not sent: a newer score of the same learner and link was already delivered (marked superseded)."); break;
                case RetryOutcome.NotFound: errors.WriteLine($"No score {id}."); failed = true; break;
                default: errors.WriteLine($"Score {id} is delivered or held for grading; nothing to retry."); failed = true; break;
            }
        }
        return failed ? 1 : 0;
    }

    private bool TryNumber(CliCommand command, string option, out int? value)
    {
        value = null;
        if (command.Single(option) is not { } text) return true;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed > 0)
        {
            value = parsed;
            return true;
        }
        errors.WriteLine($"--{option} must be a positive whole number, not '{text}'.");
        return false;
    }

    private int Refuse(string message)
    {
        errors.WriteLine(message);
        return 2;
    }

    private static string Name(GradeDeliveryStatus status) => Statuses.First(s => s.Value == status).Key;
}
