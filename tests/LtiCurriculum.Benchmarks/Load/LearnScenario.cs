using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

namespace LtiCurriculum.Benchmarks.Load;

/// <summary>One learner's open attempt, as its module page describes it.</summary>
internal sealed record LearnSession(Uri PageUrl, string Token, string FormToken, string AttemptId, IReadOnlyList<(string Question, string[] Options)> Choices);

/// <summary>
/// `learn`: every user launches once (not measured); then N workers repeat the two things a student does most
/// — load the module page (GET /learn) and save an answer the way learn.js does ("Save and check": POST
/// /learn/answer with Accept: application/json, feedback rendered) — each half of the time, for the set duration.
/// Target at concurrency 32: p99 ≤ 30 ms for each, zero errors.
/// </summary>
internal static partial class LearnScenario
{
    public const double TargetP99Ms = 30;

    public static async Task<List<LearnSession>> SetUpAsync(FlowClient client, LoadUser[] users, CancellationToken cancellationToken)
    {
        var sessions = new List<LearnSession>();
        foreach (var user in users.Where(u => u.Role != LtiCurriculum.DevPlatform.LtiRoles.Instructor))
        {
            var (result, pageUrl, html) = await client.RunWithPageAsync(user, cancellationToken);
            if (result.Error is not null || pageUrl is null || html is null)
            {
                throw new InvalidOperationException($"Setting up {user.Subject} failed: {result.Error}");
            }
            sessions.Add(Parse(pageUrl, html));
        }
        return sessions;
    }

    public static LearnSession Parse(Uri pageUrl, string html)
    {
        string Hidden(string name) => WebUtility.HtmlDecode(Regex.Match(html, $"name=\"{name}\" value=\"(?<v>[^\"]*)\"").Groups["v"].Value);
        var choices = new List<(string, string[])>();
        foreach (Match form in QuestionForm().Matches(html))
        {
            var options = RadioValue().Matches(form.Value).Select(m => m.Groups["v"].Value).ToArray();
            if (options.Length > 0 && form.Value.Contains("type=\"radio\"", StringComparison.Ordinal))
            {
                choices.Add((Regex.Match(form.Value, "name=\"question\" value=\"(?<v>[^\"]*)\"").Groups["v"].Value, options));
            }
        }
        if (choices.Count == 0)
        {
            throw new InvalidOperationException($"The module page at {pageUrl} has no single-choice question to answer.");
        }
        return new LearnSession(pageUrl, Hidden("lti_session"), Hidden("form_token"), Hidden("attempt"), choices);
    }

    public sealed class Result
    {
        public List<long> Page { get; } = [];
        public List<long> Save { get; } = [];
        public Dictionary<string, int> Errors { get; } = new(StringComparer.Ordinal);
        public TimeSpan Elapsed { get; set; }
        public int Operations => Page.Count + Save.Count;
        public int ErrorCount => Errors.Values.Sum();

        public void Fail(string error) => Errors[error] = Errors.GetValueOrDefault(error) + 1;

        public void Merge(Result other)
        {
            Page.AddRange(other.Page);
            Save.AddRange(other.Save);
            foreach (var (error, count) in other.Errors) Errors[error] = Errors.GetValueOrDefault(error) + count;
        }
    }

    public static async Task<Result> RunAsync(HttpClient http, Uri toolBase, IReadOnlyList<LearnSession> sessions, int concurrency, TimeSpan duration, long maxOperations, string mix, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var deadline = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        long budget = 0;
        var answerUrl = new Uri(toolBase, "learn/answer");
        var workers = Enumerable.Range(0, concurrency).Select(index => Task.Run(async () =>
        {
            var result = new Result();
            var random = new Random(index * 7919 + 3);
            var operation = index;
            while (!cancellationToken.IsCancellationRequested && Stopwatch.GetTimestamp() < deadline && Interlocked.Increment(ref budget) <= maxOperations)
            {
                var session = sessions[random.Next(sessions.Count)];
                try
                {
                    if (mix == "page" || mix == "both" && operation++ % 2 == 0)
                    {
                        await PageAsync(http, session, result, cancellationToken);
                    }
                    else
                    {
                        await SaveAsync(http, answerUrl, session, random, result, cancellationToken);
                    }
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    break;
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
                {
                    result.Fail($"exception: {ex.GetType().Name}: {ex.Message}");
                }
            }
            return result;
        }, CancellationToken.None)).ToArray();
        var merged = new Result();
        foreach (var result in await Task.WhenAll(workers)) merged.Merge(result);
        merged.Elapsed = Stopwatch.GetElapsedTime(started);
        return merged;
    }

    private static async Task PageAsync(HttpClient http, LearnSession session, Result result, CancellationToken cancellationToken)
    {
        var t0 = Stopwatch.GetTimestamp();
        using var page = await http.GetAsync(session.PageUrl, cancellationToken);
        var html = await page.Content.ReadAsStringAsync(cancellationToken);
        var elapsed = Stopwatch.GetTimestamp() - t0;
        if (page.StatusCode != HttpStatusCode.OK || !html.Contains("id=\"module-progress\"", StringComparison.Ordinal))
        {
            result.Fail($"page: HTTP {(int)page.StatusCode}");
            return;
        }
        result.Page.Add(elapsed);
    }

    private static async Task SaveAsync(HttpClient http, Uri answerUrl, LearnSession session, Random random, Result result, CancellationToken cancellationToken)
    {
        var (question, options) = session.Choices[random.Next(session.Choices.Count)];
        using var request = new HttpRequestMessage(HttpMethod.Post, answerUrl)
        {
            Content = new FormUrlEncodedContent([
                new("lti_session", session.Token), new("form_token", session.FormToken), new("attempt", session.AttemptId),
                new("question", question), new("answer", options[random.Next(options.Length)])]),
        };
        request.Headers.Accept.ParseAdd("application/json");
        var t0 = Stopwatch.GetTimestamp();
        using var response = await http.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var elapsed = Stopwatch.GetTimestamp() - t0;
        if (response.StatusCode != HttpStatusCode.OK || !body.Contains("\"saved\":true", StringComparison.Ordinal))
        {
            result.Fail($"save: HTTP {(int)response.StatusCode} {body[..Math.Min(body.Length, 120)]}");
            return;
        }
        result.Save.Add(elapsed);
    }

    public static bool Print(Result run, int concurrency, ProcessSample before, ProcessSample after, TextWriter output)
    {
        var page = new LatencyStats(run.Page);
        var save = new LatencyStats(run.Save);
        var cpuMs = after.CpuMs - before.CpuMs;
        output.WriteLine($"Operations: {run.Operations} in {run.Elapsed.TotalSeconds:F1} s = {run.Operations / run.Elapsed.TotalSeconds:F0}/s; errors: {run.ErrorCount}");
        foreach (var (error, count) in run.Errors.OrderByDescending(e => e.Value).Take(5)) output.WriteLine($"  {count} × {error}");
        output.WriteLine($"Module page (GET /learn):      n={page.Count} p50 {page.P50:F1} ms  p90 {page.P90:F1} ms  p99 {page.P99:F1} ms  max {page.Max:F1} ms");
        output.WriteLine($"Answer save (POST, JSON):      n={save.Count} p50 {save.P50:F1} ms  p90 {save.P90:F1} ms  p99 {save.P99:F1} ms  max {save.Max:F1} ms");
        output.WriteLine($"Tool CPU: {cpuMs / Math.Max(1, run.Operations):F2} ms per operation; peak RSS {after.PeakRssKb / 1024} MB");
        var passed = run.ErrorCount == 0 && run.Operations > 0 && page.P99 <= TargetP99Ms && save.P99 <= TargetP99Ms;
        output.WriteLine($"{(passed ? "PASS" : "FAIL")}: concurrency {concurrency}, zero errors, p99 ≤ {TargetP99Ms} ms for the page and for the save.");
        return passed;
    }

    [GeneratedRegex("<form class=\"question\".*?</form>", RegexOptions.Singleline)]
    private static partial Regex QuestionForm();

    [GeneratedRegex("type=\"radio\" id=\"[^\"]*\" name=\"answer\" value=\"(?<v>[^\"]*)\"")]
    private static partial Regex RadioValue();
}
