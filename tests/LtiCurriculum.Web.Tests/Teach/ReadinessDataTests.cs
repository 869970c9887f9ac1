using System.Globalization;
using System.Text;
using LtiCurriculum.Curriculum.Readiness;
using LtiCurriculum.Lti.Nrps;
using LtiCurriculum.Web.Data;
using LtiCurriculum.Web.Data.Entities;
using LtiCurriculum.Web.Teach.Dashboard;
using LtiCurriculum.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LtiCurriculum.Web.Tests.Teach;

/// <summary>The dashboard's SQLite reader reads exactly what the EF path (SQL Server's) reads.</summary>
public sealed class ReadinessDataTests
{
    private const string Module = "fc-designing-prework";

    [Fact]
    public async Task Sqlite_reader_and_EF_path_give_the_same_learners()
    {
        await using var tool = await ToolInstance.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        var contexts = tool.Services.GetRequiredService<IDbContextFactory<LtiDbContext>>();
        var sqlite = tool.Services.GetRequiredService<LtiCurriculum.Web.Data.Stores.SqlitePreparedConnections>();
        var t0 = new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
        int linkId, otherLinkId;
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            var link = db.ResourceLinks.Add(new ResourceLinkEntity { PlatformId = 1, DeploymentId = "d", ResourceLinkId = "readiness-link" }).Entity;
            var other = db.ResourceLinks.Add(new ResourceLinkEntity { PlatformId = 1, DeploymentId = "d", ResourceLinkId = "other-link" }).Entity;
            var named = db.Users.Add(new LtiUserEntity { PlatformId = 1, Subject = "s-named", Name = "Zoë Named" }).Entity;
            var parts = db.Users.Add(new LtiUserEntity { PlatformId = 1, Subject = "s-parts", GivenName = "Ana", FamilyName = "Parts" }).Entity;
            var mail = db.Users.Add(new LtiUserEntity { PlatformId = 1, Subject = "s-mail", Email = "mail@example.edu" }).Entity;
            var idle = db.Users.Add(new LtiUserEntity { PlatformId = 1, Subject = "s-idle", Name = "No Attempt" }).Entity;
            await db.SaveChangesAsync(ct);
            linkId = link.Id;
            otherLinkId = other.Id;
            db.Attempts.AddRange(
                new AttemptEntity
                {
                    ResourceLinkDbId = link.Id, UserDbId = named.Id, ModuleId = Module, Number = 1, Status = AttemptStatus.Submitted,
                    StartedAt = t0, UpdatedAt = t0.AddMinutes(20), SubmittedAt = t0.AddMinutes(20), ScoreGiven = 7.5m, ScoreMaximum = 10m,
                    Answers = [new() { QuestionId = "fc-dp-q1", Value = "b" }, new() { QuestionId = "fc-dp-q2", Value = "a,c" }, new() { QuestionId = "fc-dp-q5", Value = "A reflection, with \"quotes\", a back\\slash,\na new line, a tab\t, {braces}: ünïcödé 中文 and 🙂." }],
                },
                new AttemptEntity
                {
                    ResourceLinkDbId = link.Id, UserDbId = named.Id, ModuleId = Module, Number = 2, Status = AttemptStatus.InProgress,
                    StartedAt = t0.AddDays(1), UpdatedAt = t0.AddDays(1).AddMinutes(3),
                    Answers = [new() { QuestionId = "fc-dp-q1", Value = "a" }],
                },
                new AttemptEntity
                {
                    ResourceLinkDbId = link.Id, UserDbId = parts.Id, ModuleId = Module, Number = 1, Status = AttemptStatus.InProgress,
                    StartedAt = t0, UpdatedAt = t0.AddMinutes(5),
                },
                new AttemptEntity
                {
                    ResourceLinkDbId = link.Id, UserDbId = mail.Id, ModuleId = Module, Number = 1, Status = AttemptStatus.Submitted,
                    StartedAt = t0, UpdatedAt = t0.AddMinutes(9), SubmittedAt = null, ScoreGiven = 0m, ScoreMaximum = 10m,
                    Answers = [new() { QuestionId = "fc-dp-q6", Value = "4" }],
                },
                // Another module on the same link, and the same module on another link: neither is read.
                new AttemptEntity
                {
                    ResourceLinkDbId = link.Id, UserDbId = idle.Id, ModuleId = "fc-leading-the-session", Number = 1, Status = AttemptStatus.InProgress,
                    StartedAt = t0, UpdatedAt = t0, Answers = [new() { QuestionId = "fc-ls-q1", Value = "a" }],
                },
                new AttemptEntity
                {
                    ResourceLinkDbId = other.Id, UserDbId = parts.Id, ModuleId = Module, Number = 1, Status = AttemptStatus.InProgress,
                    StartedAt = t0, UpdatedAt = t0, Answers = [new() { QuestionId = "fc-dp-q1", Value = "c" }],
                });
            await db.SaveChangesAsync(ct);
        }

        using var ef = new ReadinessData(contexts);
        using var fast = new ReadinessData(contexts, sqlite);
        var now = t0.AddDays(2);
        var rosters = new[]
        {
            Roster.Unavailable(now),
            new Roster(RosterSource.Lms, [Member("s-named", "Zoë From LMS"), Member("s-absent", null), Member("s-mail", null, MemberStatus.Inactive)], true, null, now),
            new Roster(RosterSource.Lms, [Member("s-parts", "Ana LMS")], false, null, now),
        };
        foreach (var roster in rosters)
        {
            var expected = Describe(await ef.LoadAsync(linkId, 1, Module, roster, "(unnamed)", ct));
            var actual = Describe(await fast.LoadAsync(linkId, 1, Module, roster, "(unnamed)", ct));
            Assert.Equal(expected, actual);
            // Read twice: the kept-open connection and its prepared statements give the same answer again.
            Assert.Equal(expected, Describe(await fast.LoadAsync(linkId, 1, Module, roster, "(unnamed)", ct)));
        }
        Assert.Contains("s-parts|Ana Parts|True|1:False", Describe(await fast.LoadAsync(linkId, 1, Module, Roster.Unavailable(now), "(unnamed)", ct)), StringComparison.Ordinal);
        Assert.Equal(Describe(await ef.LoadAsync(otherLinkId, 1, Module, Roster.Unavailable(now), "(unnamed)", ct)),
            Describe(await fast.LoadAsync(otherLinkId, 1, Module, Roster.Unavailable(now), "(unnamed)", ct)));
    }

    private static NrpsMember Member(string subject, string? name, MemberStatus status = MemberStatus.Active) =>
        new() { UserId = subject, Name = name, Status = status, RoleUris = [] };

    /// <summary>Learners in key order with their attempts in number order and answers in question order, as text.</summary>
    private static string Describe(IReadOnlyList<RosterLearner> learners)
    {
        var text = new StringBuilder();
        foreach (var learner in learners.OrderBy(l => l.Key, StringComparer.Ordinal))
        {
            text.Append(CultureInfo.InvariantCulture, $"{learner.Key}|{learner.Name}|{learner.Active}");
            foreach (var a in learner.Attempts.OrderBy(a => a.Number))
            {
                text.Append(CultureInfo.InvariantCulture, $"|{a.Number}:{a.Submitted}:{a.StartedAt:O}:{a.UpdatedAt:O}:{a.SubmittedAt:O}:{a.ScoreGiven}:{a.ScoreMaximum}:");
                text.AppendJoin(';', a.Answers.OrderBy(x => x.Key, StringComparer.Ordinal).Select(x => $"{x.Key}={x.Value}"));
            }
            text.AppendLine();
        }
        return text.ToString();
    }
}
