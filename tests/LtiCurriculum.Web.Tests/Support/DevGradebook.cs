using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LtiCurriculum.Web.Tests.Support;

/// <summary>The development platform's gradebook and fault controls, as a test drives them (JSON under /dev-platform).</summary>
internal sealed class DevGradebook(string issuer) : IDisposable
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };

    public string Issuer { get; } = issuer;

    public static DevGradebook Of(ToolInstance tool) => new(tool.DevPlatformIssuer);

    /// <summary>The whole gradebook, with up to 10,000 score log entries.</summary>
    public async Task<JsonNode> ReadAsync()
    {
        var json = await _http.GetStringAsync($"{Issuer}/gradebook.json?log=10000", TestContext.Current.CancellationToken);
        return JsonNode.Parse(json)!;
    }

    public async Task<IReadOnlyList<JsonNode>> ResultsAsync() => (await ReadAsync())["results"]!.AsArray().Select(n => n!).ToList();

    public async Task<JsonNode?> ResultOfAsync(string userId) => (await ResultsAsync()).FirstOrDefault(r => (string?)r["userId"] == userId);

    public async Task<long> CounterAsync(string name) => (long)(await ReadAsync())["counters"]![name]!;

    public Task AddFaultAsync(object rule) => PostAsync("control/faults", rule);

    /// <summary>How many requests the fault rules answered in all.</summary>
    public async Task<long> FaultFiredAsync()
    {
        var json = JsonNode.Parse(await _http.GetStringAsync($"{Issuer}/control/faults", TestContext.Current.CancellationToken))!;
        return json["rules"]!.AsArray().Sum(rule => (long)rule!["fired"]!);
    }

    /// <summary>Waits until the platform's fault rules have fired at least <paramref name="times"/> times.</summary>
    public async Task WaitForFaultFiredAsync(long times = 1, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (await FaultFiredAsync() < times)
        {
            Assert.True(DateTime.UtcNow < deadline, $"the platform's faults did not fire {times} time(s) within {seconds} s");
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }

    public async Task ClearFaultsAsync() => (await _http.DeleteAsync($"{Issuer}/control/faults", TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();

    public Task UseStyleAsync(string style) => PostAsync("control/style", new { style });

    /// <summary>Line items back to the seed (the tool's own are deleted); results, log and counters cleared.</summary>
    public Task ResetAsync() => PostAsync("control/reset", new { });

    public Task RevokeTokensAsync() => PostAsync("control/revoke-tokens", new { });

    private async Task PostAsync(string path, object body)
    {
        var response = await _http.PostAsJsonAsync($"{Issuer}/{path}", body, TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>Polls until <paramref name="done"/> holds for the gradebook, or fails after <paramref name="seconds"/>.</summary>
    public async Task<JsonNode> WaitForAsync(Func<JsonNode, bool> done, string what, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        JsonNode last;
        do
        {
            last = await ReadAsync();
            if (done(last)) return last;
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
        while (DateTime.UtcNow < deadline);
        Assert.Fail($"Gave up waiting for {what} after {seconds} s. Gradebook: {last.ToJsonString(new JsonSerializerOptions { WriteIndented = true })[..Math.Min(4000, last.ToJsonString().Length)]}");
        return last;
    }

    public void Dispose() => _http.Dispose();
}
