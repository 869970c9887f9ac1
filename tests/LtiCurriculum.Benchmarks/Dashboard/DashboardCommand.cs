using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using LtiCurriculum.Benchmarks.Load;
using LtiCurriculum.Benchmarks.Processes;
using LtiCurriculum.DevPlatform;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace LtiCurriculum.Benchmarks.Dashboard;

/// <summary>
/// `dashboard`: the class readiness page (GET /teach/dashboard) of a 500-student course with a 20-question module,
/// rendered by N workers against a real tool process. The load process plays the platform: JWKS, a token endpoint and
/// the course's membership service (NRPS), which the tool reads on the first render and then keeps for 5 minutes, so
/// the measured renders take the roster from the tool's cache. Exit code 0 when every target is met, 1 when one is
/// missed, 2 for a usage or setup problem.
/// </summary>
internal static class DashboardCommand
{
    public const int TargetConcurrency = 8;
    public const double TargetP99Ms = 100;
    public const double TargetCpuMsPerRender = 5;

    private const string ResourceLinkId = "dash-link";
    private const string ContextId = "dash-course";
    private const string AccessToken = "dashboard-bench-token";
    private const string MembershipContainerType = "application/vnd.ims.lti-nrps.v2.membershipcontainer+json";
    private static readonly byte[] PageMarker = "id=\"students-heading\""u8.ToArray();

    public static async Task<int> RunAsync(string[] args)
    {
        var (options, error) = DashboardOptions.Parse(args);
        if (options is null)
        {
            Console.Error.WriteLine(error);
            return 2;
        }
        var dll = ToolProcess.FindDll(out var problem);
        if (dll is null)
        {
            Console.Error.WriteLine(problem);
            Console.Error.WriteLine("Build it first: dotnet build -c Release src/LtiCurriculum.Web");
            return 2;
        }

        // The first Ctrl+C or SIGTERM stops the run and cleans up; a second one ends the process at once (the tools are
        // still killed then, by ToolChild's exit hook).
        var packFolder = Directory.CreateTempSubdirectory("lti-dash-pack-");
        try
        {
            return await Interrupts.RunAsync(cancellationToken => RunAsync(options, dll, packFolder.FullName, cancellationToken));
        }
        finally
        {
            try
            {
                packFolder.Delete(recursive: true);
            }
            catch (IOException ex)
            {
                Console.Error.WriteLine($"Could not delete {packFolder.FullName}: {ex.Message}");
            }
        }
    }

    private static async Task<int> RunAsync(DashboardOptions options, string dll, string packFolder, CancellationToken cancellationToken)
    {
        var c = CultureInfo.InvariantCulture;
        var course = new DashboardClass(options.Students);
        var services = new PlatformServices(course);
        await using var platform = await FakePlatform.StartAsync(0, cancellationToken, services.Map);
        DashboardPack.Write(packFolder);

        using var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = Math.Max(options.Concurrency * 2, 16),
            AllowAutoRedirect = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(2),
        };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
        var environment = new Dictionary<string, string>(options.ToolEnvironment)
        {
            ["Curriculum__PackFolder"] = packFolder,
        };
        var tool = ToolProcess.Start(dll, platform, environment);
        try
        {
            Console.WriteLine($"Started the tool: pid {tool.Pid} at {tool.BaseUrl} (platform at {platform.BaseUrl}, pack folder {packFolder}){string.Concat(options.ToolEnvironment.Select(e => $" {e.Key}={e.Value}"))}");
            if (!await ToolProcess.WaitReadyAsync(http, tool.BaseUrl, () => !tool.HasExited, TimeSpan.FromSeconds(60), cancellationToken))
            {
                return SetupFailed($"The tool did not answer 200 on {tool.BaseUrl}health/ready within 60 s.", tool);
            }

            // 1. The instructor launches once: the tool records the course, the link (module, due date, session date)
            //    and the membership URL, and answers 303 to the dashboard.
            var now = DateTimeOffset.UtcNow;
            var dueAt = TruncateToSecond(now - TimeSpan.FromDays(2));
            var sessionAt = TruncateToSecond(now + TimeSpan.FromDays(1));
            var (dashboard, launchError) = await LaunchInstructorAsync(http, tool.BaseUrl, platform, services.MembershipsUrl(platform), dueAt, sessionAt, cancellationToken);
            if (dashboard is null)
            {
                return SetupFailed($"The instructor's launch failed: {launchError}", tool);
            }
            Console.WriteLine($"Instructor launched; the dashboard is {dashboard.GetLeftPart(UriPartial.Path)}");

            // 2. The class's work, written into the tool's database (not measured).
            if (DashboardSeed.FindLink(tool.DatabaseFile, ResourceLinkId) is not { } link)
            {
                return SetupFailed($"The launch did not record the resource link {ResourceLinkId}.", tool);
            }
            var seeded = DashboardSeed.Write(tool.DatabaseFile, link.PlatformId, link.LinkId, course, now, dueAt);
            Console.WriteLine(string.Create(c,
                $"Seeded {options.Students} students ({course.Count(SeededState.NeverLaunched)} never launched, {course.Count(SeededState.NotStarted)} without an attempt, {course.Count(SeededState.InProgress)} in progress, {course.Count(SeededState.Submitted)} submitted, {course.Count(SeededState.SubmittedThenOpen)} submitted then reopened, {course.Count(SeededState.Late)} late; {course.Students.Count(s => s.Inactive)} inactive): {seeded.Users} users, {seeded.Attempts} attempts, {seeded.Answers} answers ({seeded.ReflectionAnswers} reflections) in {seeded.Took.TotalSeconds:F1} s"));

            // 3. The first render reads the roster from the platform (NRPS); later renders take it from the tool's cache.
            var first = await RenderOnceAsync(http, dashboard, cancellationToken);
            if (first.Error is not null)
            {
                return SetupFailed($"The first render failed: {first.Error}", tool);
            }
            var html = Encoding.UTF8.GetString(first.Body!);
            var check = CheckContent(html, course);
            Console.WriteLine(string.Create(c, $"First render (roster read over NRPS: {services.MembershipReads} membership request, {services.TokenRequests} token request): {Ms(first.Ticks):F1} ms, {first.Body!.Length / 1024.0:F0} KB"));
            if (check is not null)
            {
                return SetupFailed($"The dashboard does not show the seeded class: {check}", tool);
            }
            Console.WriteLine($"  content checked: {course.Students.Count()} students on the roster, {Ready(course)} of {Active(course)} active students ready");

            var phase = new RenderPhase(http, dashboard, options.Concurrency, () => !tool.HasExited);
            if (options.Warmup > TimeSpan.Zero)
            {
                Console.WriteLine($"Warm-up: {options.Warmup.TotalSeconds:F0} s at concurrency {options.Concurrency} (not measured)…");
                var warm = await phase.RunAsync(options.Warmup, options.MaxRenders, cancellationToken);
                Console.WriteLine($"  {warm.Renders} renders, {warm.ErrorCount} errors{(warm.ErrorCount > 0 ? $" (first: {warm.Errors.Keys.First()})" : "")}");
            }
            if (options.Warmup < TimeSpan.FromSeconds(15))
            {
                Console.WriteLine("  Note: the freshly started tool's tiered JIT keeps compiling for ~20 s; for steady-state CPU per render use --warmup 20.");
            }
            Console.WriteLine($"Measuring: {options.Duration.TotalSeconds:F0} s at concurrency {options.Concurrency}…");
            var readsBefore = services.MembershipReads;
            var toolBefore = ProcessMeter.Read(tool.Pid);
            var clientBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var machineBefore = ProcessMeter.ReadMachine();
            var run = await phase.RunAsync(options.Duration, options.MaxRenders, cancellationToken);
            var machineAfter = ProcessMeter.ReadMachine();
            var clientCpu = Process.GetCurrentProcess().TotalProcessorTime - clientBefore;
            cancellationToken.ThrowIfCancellationRequested();
            if (tool.HasExited)
            {
                return SetupFailed("The tool process exited during the run.", tool);
            }
            var toolAfter = ProcessMeter.Read(tool.Pid);
            var passed = Print(options, tool.Pid, run, first.Body!.Length, toolBefore, toolAfter, clientCpu, (machineBefore, machineAfter),
                services.MembershipReads - readsBefore, Console.Out);
            if (!passed && run.ErrorCount > 0 && tool.RecentOutput.Length > 0)
            {
                Console.WriteLine("Last lines the tool wrote:");
                Console.WriteLine(tool.RecentOutput);
            }
            return passed ? 0 : 1;
        }
        finally
        {
            await tool.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }
    }

    private static int Active(DashboardClass course) => course.Students.Count(s => !s.Inactive);

    private static int Ready(DashboardClass course) =>
        course.Students.Count(s => !s.Inactive && s.State is SeededState.Submitted or SeededState.SubmittedThenOpen or SeededState.Late);

    /// <summary>Null when the page shows the whole roster and the expected readiness count; else what is wrong.</summary>
    private static string? CheckContent(string html, DashboardClass course)
    {
        var roster = $"Class list from the LMS: {course.Students.Count()} students";
        if (!html.Contains(roster, StringComparison.Ordinal))
        {
            return $"\"{roster}\" is not on the page";
        }
        var ready = $"{Ready(course)} of {Active(course)} students are ready";
        if (!html.Contains(ready, StringComparison.Ordinal))
        {
            return $"\"{ready}\" is not on the page";
        }
        var rows = html.Split("<tr>").Length - 1;
        if (rows < course.Students.Count())
        {
            return $"only {rows} table rows for {course.Students.Count()} students";
        }
        return null;
    }

    private static async Task<(Uri? Dashboard, string? Error)> LaunchInstructorAsync(
        HttpClient http, Uri toolBase, FakePlatform platform, string membershipsUrl, DateTimeOffset dueAt, DateTimeOffset sessionAt, CancellationToken cancellationToken)
    {
        var instructor = new ClassMember(DashboardClass.InstructorSubject, "Dana Instructor", "Dana", "Instructor", "dana.instructor@example.edu", LtiRoles.Instructor, false, SeededState.NeverLaunched);
        var login = new Uri(toolBase, "lti/login").AbsoluteUri
            + $"?iss={Uri.EscapeDataString(FakePlatform.Issuer)}&client_id={Uri.EscapeDataString(FakePlatform.ClientId)}"
            + $"&lti_deployment_id={Uri.EscapeDataString(FakePlatform.DeploymentId)}"
            + $"&target_link_uri={Uri.EscapeDataString(new Uri(toolBase, "lti/launch").AbsoluteUri)}&login_hint={Uri.EscapeDataString(instructor.Subject)}";
        string state, nonce, redirectUri, cookie;
        using (var answer = await http.GetAsync(login, cancellationToken))
        {
            if (answer.StatusCode != HttpStatusCode.Redirect || answer.Headers.Location is not { IsAbsoluteUri: true } location)
            {
                return (null, $"login: HTTP {(int)answer.StatusCode} (want 302)");
            }
            var query = QueryHelpers.ParseQuery(location.Query);
            state = query["state"].ToString();
            nonce = query["nonce"].ToString();
            redirectUri = query["redirect_uri"].ToString();
            cookie = answer.Headers.TryGetValues("Set-Cookie", out var setCookies)
                ? setCookies.FirstOrDefault(v => v.StartsWith(LtiCurriculum.Lti.Oidc.LoginStateCookie.Prefix, StringComparison.Ordinal))?.Split(';')[0] ?? ""
                : "";
        }
        var idToken = platform.SignIdToken(new DevLaunch
        {
            Issuer = FakePlatform.Issuer,
            ClientId = FakePlatform.ClientId,
            DeploymentId = FakePlatform.DeploymentId,
            Nonce = nonce,
            Subject = instructor.Subject,
            Name = instructor.Name,
            GivenName = instructor.GivenName,
            FamilyName = instructor.FamilyName,
            Email = instructor.Email,
            Roles = [LtiRoles.Instructor],
            TargetLinkUri = redirectUri,
            ContextId = ContextId,
            ContextLabel = "DASH500",
            ContextTitle = "Dashboard Course (500 students)",
            ResourceLinkId = ResourceLinkId,
            ResourceLinkTitle = "Twenty questions before the session",
            MembershipsUrl = membershipsUrl,
            Custom = new Dictionary<string, string>
            {
                ["module"] = DashboardPack.ModuleId,
                ["due_at"] = dueAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                ["session_at"] = sessionAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            },
        });
        using var post = new HttpRequestMessage(HttpMethod.Post, redirectUri)
        {
            Content = new FormUrlEncodedContent([new("id_token", idToken), new("state", state)]),
        };
        post.Headers.Add("Cookie", cookie);
        using var launch = await http.SendAsync(post, cancellationToken);
        if (launch.StatusCode != HttpStatusCode.SeeOther || launch.Headers.Location is not { } next)
        {
            return (null, $"launch: HTTP {(int)launch.StatusCode} (want 303)");
        }
        var dashboard = next.IsAbsoluteUri ? next : new Uri(toolBase, next);
        return dashboard.AbsolutePath == "/teach/dashboard" ? (dashboard, null) : (null, $"the launch led to {dashboard.AbsolutePath}, not /teach/dashboard");
    }

    private static DateTimeOffset TruncateToSecond(DateTimeOffset instant) =>
        new(instant.UtcTicks - instant.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);

    internal readonly record struct Render(string? Error, long Ticks, byte[]? Body);

    internal static async Task<Render> RenderOnceAsync(HttpClient http, Uri dashboard, CancellationToken cancellationToken)
    {
        var t0 = Stopwatch.GetTimestamp();
        using var response = await http.GetAsync(dashboard, cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var ticks = Stopwatch.GetTimestamp() - t0;
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return new Render($"HTTP {(int)response.StatusCode} (want 200)", ticks, null);
        }
        if (body.AsSpan().IndexOf(PageMarker) < 0)
        {
            return new Render("200 but not the dashboard (no students table)", ticks, null);
        }
        return new Render(null, ticks, body);
    }

    private static double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;

    private static bool Print(DashboardOptions options, int toolPid, RenderResult run, int pageBytes, ProcessSample toolBefore, ProcessSample toolAfter,
        TimeSpan clientCpu, (MachineSample Before, MachineSample After) machine, int membershipReads, TextWriter output)
    {
        var c = CultureInfo.InvariantCulture;
        var renders = run.Renders;
        var seconds = run.Elapsed.TotalSeconds;
        var latency = new LatencyStats(run.Ticks);
        var toolCpuMs = toolAfter.CpuMs - toolBefore.CpuMs;
        var cpuPerRender = renders == 0 ? double.NaN : toolCpuMs / renders;
        var peakMb = toolAfter.PeakRssKb / 1024.0;
        void Row(string name, string value) => output.WriteLine(string.Create(c, $"  {name,-28}{value}"));
        output.WriteLine();
        output.WriteLine(string.Create(c, $"Measured phase: {seconds:F1} s at concurrency {options.Concurrency}, {options.Students} students × {DashboardPack.QuestionCount} questions, tool pid {toolPid}, {Environment.ProcessorCount} cores"));
        Row("renders", string.Create(c, $"{renders}  ({renders / seconds:F1} renders/s), page {pageBytes / 1024.0:F0} KB"));
        Row("errors", run.ErrorCount.ToString(c));
        foreach (var (error, count) in run.Errors.OrderByDescending(e => e.Value).Take(5))
        {
            Row("", string.Create(c, $"{count} × {error}"));
        }
        Row("render latency ms", string.Create(c, $"p50 {latency.P50:F2}   p90 {latency.P90:F2}   p99 {latency.P99:F2}   max {latency.Max:F2}"));
        Row("tool CPU", string.Create(c, $"{toolCpuMs:F0} ms = {cpuPerRender:F2} ms/render ({toolCpuMs / 1000 / seconds:F2} cores busy)"));
        Row("tool peak RSS (VmHWM)", string.Create(c, $"{peakMb:F0} MB (RSS now {toolAfter.RssKb / 1024.0:F0} MB)"));
        Row("load client CPU", string.Create(c, $"{clientCpu.TotalMilliseconds:F0} ms = {clientCpu.TotalMilliseconds / Math.Max(1, renders):F2} ms/render ({clientCpu.TotalSeconds / seconds:F2} cores busy)"));
        var machineBusy = machine.After.BusyMs - machine.Before.BusyMs;
        var machineTotal = machine.After.TotalMs - machine.Before.TotalMs;
        var others = Math.Max(0, machineBusy - toolCpuMs - clientCpu.TotalMilliseconds);
        Row("machine CPU busy", string.Create(c, $"{100 * machineBusy / machineTotal:F0}% of {Environment.ProcessorCount} cores; other processes {others / 1000 / seconds:F2} cores"));
        Row("roster", membershipReads == 0
            ? "from the tool's cache (no NRPS request during the measured phase)"
            : string.Create(c, $"{membershipReads} NRPS membership request(s) during the measured phase"));
        if (others / 1000 / seconds > 0.2)
        {
            output.WriteLine("  ! Other processes used a noticeable share of the CPU during the run: latency and throughput are disturbed (CPU per render much less so).");
        }
        var checks = new (bool Ok, string Text)[]
        {
            (run.ErrorCount == 0 && renders > 0, $"errors {run.ErrorCount} (want 0)"),
            (latency.P99 <= TargetP99Ms, string.Create(c, $"p99 {latency.P99:F1} ms (≤ {TargetP99Ms})")),
            (cpuPerRender <= TargetCpuMsPerRender, string.Create(c, $"tool CPU {cpuPerRender:F2} ms/render (≤ {TargetCpuMsPerRender})")),
        };
        var passed = checks.All(x => x.Ok);
        var note = options.Concurrency == TargetConcurrency ? "" : $" [targets are set for concurrency {TargetConcurrency}]";
        output.WriteLine();
        output.WriteLine($"Verdict: {(passed ? "PASS" : "MISS")} — {string.Join("; ", checks.Select(x => (x.Ok ? "ok " : "MISS ") + x.Text))}{note}");
        return passed;
    }

    private static int SetupFailed(string message, ToolProcess tool)
    {
        Console.Error.WriteLine(message);
        Console.Error.WriteLine(tool.RecentOutput);
        return 2;
    }

    /// <summary>
    /// The platform's services for the course: a token endpoint that issues one bearer token for any client
    /// credentials request (the tool's client assertion is not verified: this measures the tool, not the platform),
    /// and the course's membership service answering every member in one page.
    /// </summary>
    private sealed class PlatformServices(DashboardClass course)
    {
        private int _tokens;
        private int _memberships;

        public int TokenRequests => Volatile.Read(ref _tokens);
        public int MembershipReads => Volatile.Read(ref _memberships);

        public string MembershipsUrl(FakePlatform platform) => new Uri(platform.BaseUrl, $"nrps/{ContextId}/memberships").AbsoluteUri;

        public void Map(WebApplication app)
        {
            var members = course.Members.Select(m => new Dictionary<string, object>
            {
                ["status"] = m.Inactive ? "Inactive" : "Active",
                ["user_id"] = m.Subject,
                ["roles"] = new[] { m.Role },
                ["name"] = m.Name,
                ["given_name"] = m.GivenName,
                ["family_name"] = m.FamilyName,
                ["email"] = m.Email,
            }).ToList();
            app.MapPost("/token", () =>
            {
                Interlocked.Increment(ref _tokens);
                return Results.Json(new Dictionary<string, object> { ["access_token"] = AccessToken, ["token_type"] = "Bearer", ["expires_in"] = 3600 });
            });
            app.MapGet("/nrps/{contextId}/memberships", (HttpContext http, string contextId) =>
            {
                Interlocked.Increment(ref _memberships);
                if (http.Request.Headers.Authorization.ToString() != $"Bearer {AccessToken}")
                {
                    return Results.Json(new { error = "invalid_token" }, statusCode: StatusCodes.Status401Unauthorized);
                }
                if (contextId != ContextId)
                {
                    return Results.NotFound();
                }
                var url = new Uri(new Uri(http.Request.Scheme + "://" + http.Request.Host), http.Request.Path).AbsoluteUri;
                return Results.Json(new Dictionary<string, object>
                {
                    ["id"] = url,
                    ["context"] = new Dictionary<string, string> { ["id"] = ContextId, ["label"] = "DASH500", ["title"] = "Dashboard Course (500 students)" },
                    ["members"] = members,
                }, contentType: MembershipContainerType);
            });
        }
    }
}

/// <summary>What one phase of renders produced.</summary>
internal sealed class RenderResult
{
    public List<long> Ticks { get; } = [];
    public Dictionary<string, int> Errors { get; } = new(StringComparer.Ordinal);
    public TimeSpan Elapsed { get; set; }
    public int Renders => Ticks.Count;
    public int ErrorCount => Errors.Values.Sum();

    public void Fail(string error) => Errors[error] = Errors.GetValueOrDefault(error) + 1;

    public void Merge(RenderResult other)
    {
        Ticks.AddRange(other.Ticks);
        foreach (var (error, count) in other.Errors)
        {
            Errors[error] = Errors.GetValueOrDefault(error) + count;
        }
    }
}

/// <summary>N workers GET the dashboard in a closed loop until the time is up, the render budget is spent, the tool dies or Ctrl+C.</summary>
internal sealed class RenderPhase(HttpClient http, Uri dashboard, int concurrency, Func<bool> toolAlive)
{
    private long _budget;

    public async Task<RenderResult> RunAsync(TimeSpan duration, long maxRenders, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var deadline = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        Interlocked.Exchange(ref _budget, 0);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var workers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            var result = new RenderResult();
            while (!stop.IsCancellationRequested && Stopwatch.GetTimestamp() < deadline && Interlocked.Increment(ref _budget) <= maxRenders)
            {
                try
                {
                    var render = await DashboardCommand.RenderOnceAsync(http, dashboard, stop.Token);
                    if (render.Error is { } error)
                    {
                        result.Fail(error);
                    }
                    else
                    {
                        result.Ticks.Add(render.Ticks);
                    }
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    break;
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
                {
                    result.Fail($"exception: {ex.GetType().Name}: {ex.Message}");
                    if (!toolAlive())
                    {
                        result.Fail("the tool process exited");
                        await stop.CancelAsync();
                    }
                }
            }
            return result;
        }, CancellationToken.None)).ToArray();
        var merged = new RenderResult();
        foreach (var result in await Task.WhenAll(workers))
        {
            merged.Merge(result);
        }
        merged.Elapsed = Stopwatch.GetElapsedTime(started);
        return merged;
    }
}
